namespace SaasCrm.Host.Startup;

/// <summary>
/// Headers on every answer: browsers take a file for the type it is served as (an uploaded text file never runs as
/// HTML or script), pages are not framed by other sites, and addresses with record ids do not leak to other origins.
/// </summary>
public static class SecurityHeaders
{
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            // Set as the answer starts: the exception handler clears headers set before it writes a 500.
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "SAMEORIGIN";
                headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
                return Task.CompletedTask;
            });
            return next(context);
        });
}
