using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace SaasCrm.Host.Startup;

/// <summary>Declares the bearer token in the OpenAPI document so the API browser can call secured endpoints.</summary>
internal sealed class BearerSecuritySchemeTransformer : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes["Bearer"] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "JWT",
            Description = "Access token from POST /api/account/login",
        };
        document.Info.Title = "SaasCrm API";
        return Task.CompletedTask;
    }
}
