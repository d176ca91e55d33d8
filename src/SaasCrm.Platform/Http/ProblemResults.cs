using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace SaasCrm.Platform.Http;

/// <summary>Builds RFC 7807 answers with the stable <c>code</c> extension every client can switch on.</summary>
public static class ProblemResults
{
    public static ProblemDetails Create(int status, string code, string title, string? detail = null)
    {
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail, Type = $"https://httpstatuses.io/{status}" };
        problem.Extensions["code"] = code;
        return problem;
    }

    public static Task WriteAsync(HttpContext context, int status, string code, string title, string? detail = null) =>
        WriteAsync(context, Create(status, code, title, detail));

    public static Task WriteAsync(HttpContext context, ProblemDetails problem)
    {
        context.Response.StatusCode = problem.Status ?? 500;
        var service = context.RequestServices.GetService(typeof(IProblemDetailsService)) as IProblemDetailsService;
        return service is not null
            ? service.WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem }).AsTask()
            : context.Response.WriteAsJsonAsync(problem);
    }
}
