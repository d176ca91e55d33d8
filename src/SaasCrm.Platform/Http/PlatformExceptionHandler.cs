using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using SaasCrm.Platform.Data;
using SaasCrm.Platform.Domain;

namespace SaasCrm.Platform.Http;

/// <summary>Turns every failure into RFC 7807 ProblemDetails with a stable code; no stack trace ever reaches a client.</summary>
public sealed partial class PlatformExceptionHandler(ILogger<PlatformExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        switch (exception)
        {
            case RequestValidationException validation:
                await WriteValidationAsync(context, validation);
                return true;
            case EntityNotFoundException notFound:
                await ProblemResults.WriteAsync(context, 404, notFound.Code, notFound.Message);
                return true;
            case BusinessException business:
                var problem = ProblemResults.Create(business.Status, business.Code, business.Message, business.Detail);
                foreach (var (key, value) in business.Extensions ?? new Dictionary<string, object?>()) problem.Extensions[key] = value;
                await ProblemResults.WriteAsync(context, problem);
                return true;
            case DbUpdateConcurrencyException:
                await ProblemResults.WriteAsync(context, 409, "concurrency_conflict",
                    "The record was changed by someone else since you opened it. Reload it and apply your change again.");
                return true;
            case CrossTenantWriteException crossTenant:
                LogCrossTenant(logger, crossTenant, crossTenant.EntityType);
                await ProblemResults.WriteAsync(context, 404, "not_found", "The record was not found.");
                return true;
            case BadHttpRequestException bad:
                await ProblemResults.WriteAsync(context, bad.StatusCode, "bad_request", "The request could not be read.", BadRequestDetail(bad));
                return true;
            default:
                LogUnhandled(logger, exception);
                await ProblemResults.WriteAsync(context, 500, "internal_error", "An unexpected error occurred. It has been logged.");
                return true;
        }
    }

    private static string? BadRequestDetail(BadHttpRequestException bad) =>
        bad.InnerException is JsonException json ? $"Malformed JSON ({json.Path})." : null;

    private static Task WriteValidationAsync(HttpContext context, RequestValidationException validation)
    {
        var errors = new Dictionary<string, string[]>();
        var codes = new Dictionary<string, string[]>();
        foreach (var group in validation.Failures.GroupBy(f => JsonNamingPolicy.CamelCase.ConvertName(f.PropertyName)))
        {
            errors[group.Key] = group.Select(f => f.ErrorMessage).ToArray();
            codes[group.Key] = group.Select(f => StableCode(f.ErrorCode)).ToArray();
        }
        var problem = new Microsoft.AspNetCore.Mvc.ValidationProblemDetails(errors)
        {
            Status = 400,
            Title = "One or more fields are invalid.",
            Type = "https://httpstatuses.io/400",
        };
        problem.Extensions["code"] = "validation_failed";
        problem.Extensions["errorCodes"] = codes;
        return ProblemResults.WriteAsync(context, problem);
    }

    /// <summary>FluentValidation's built-in codes ("NotEmptyValidator") become "not_empty"; our own codes stay as written.</summary>
    private static string StableCode(string code) =>
        code.EndsWith("Validator", StringComparison.Ordinal) ? JsonNamingPolicy.SnakeCaseLower.ConvertName(code[..^"Validator".Length]) : code;

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception")]
    private static partial void LogUnhandled(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Cross-tenant write to {EntityType} refused")]
    private static partial void LogCrossTenant(ILogger logger, Exception exception, string entityType);
}
