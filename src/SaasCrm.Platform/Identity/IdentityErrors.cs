using FluentValidation.Results;
using Microsoft.AspNetCore.Identity;
using SaasCrm.Platform.Http;

namespace SaasCrm.Platform.Identity;

/// <summary>Turns Identity's errors into our 400 answer, each under the field it concerns.</summary>
public static class IdentityErrors
{
    public static void ThrowIfFailed(this IdentityResult result, string passwordField = "password")
    {
        if (result.Succeeded) return;
        throw new RequestValidationException(result.Errors.Select(e => new ValidationFailure(FieldOf(e.Code, passwordField), e.Description)
        {
            ErrorCode = "identity." + System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(e.Code),
        }));
    }

    private static string FieldOf(string code, string passwordField) => code switch
    {
        _ when code.StartsWith("Password", StringComparison.Ordinal) || code == "CommonPassword" => passwordField,
        _ when code.Contains("UserName", StringComparison.Ordinal) => "userName",
        _ when code.Contains("Email", StringComparison.Ordinal) => "email",
        _ when code.Contains("RoleName", StringComparison.Ordinal) => "name",
        _ => "",
    };
}
