using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace SaasCrm.Platform.Http;

/// <summary>Runs the FluentValidation validator of the request body; a failure is a 400 naming each field and its error code.</summary>
public sealed class ValidationFilter<TRequest> : IEndpointFilter where TRequest : class
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var request = context.Arguments.OfType<TRequest>().FirstOrDefault();
        var validator = context.HttpContext.RequestServices.GetService<IValidator<TRequest>>();
        if (request is not null && validator is not null)
        {
            var result = await validator.ValidateAsync(request, context.HttpContext.RequestAborted);
            if (!result.IsValid) throw new RequestValidationException(result.Errors);
        }
        return await next(context);
    }
}

/// <summary>Validation failures, answered as 400 with <c>errors</c> (field → messages) and <c>errorCodes</c> (field → codes).</summary>
public sealed class RequestValidationException(IEnumerable<FluentValidation.Results.ValidationFailure> failures)
    : Exception("One or more fields are invalid.")
{
    public IReadOnlyList<FluentValidation.Results.ValidationFailure> Failures { get; } = failures.ToList();

    public static RequestValidationException For(string field, string code, string message) =>
        new([new FluentValidation.Results.ValidationFailure(field, message) { ErrorCode = code }]);
}

public static class ValidationEndpointExtensions
{
    public static RouteHandlerBuilder Validate<TRequest>(this RouteHandlerBuilder builder) where TRequest : class =>
        builder.AddEndpointFilter<ValidationFilter<TRequest>>().ProducesValidationProblem();
}
