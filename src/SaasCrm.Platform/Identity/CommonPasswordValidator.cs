using Microsoft.AspNetCore.Identity;

namespace SaasCrm.Platform.Identity;

/// <summary>Refuses passwords from breach lists and the obvious ones (ASVS 6.2.4).</summary>
public sealed class CommonPasswordValidator<TUser> : IPasswordValidator<TUser> where TUser : class
{
    // The most common passwords of public breach corpora that could pass the composition rules, plus local favourites.
    private static readonly HashSet<string> Common = new(StringComparer.OrdinalIgnoreCase)
    {
        "Password1!", "Password123!", "P@ssw0rd", "P@ssw0rd1", "P@ssword1", "Passw0rd!", "Pa$$w0rd", "Qwerty123!", "Qwerty1!",
        "Welcome1!", "Welcome123!", "Admin123!", "Admin@123", "Abc123!@#", "Abcd1234!", "Aa123456!", "Aa123456.", "Aa111111!",
        "Test123!", "Test@123", "Changeme1!", "Letmein1!", "Iloveyou1!", "Summer2024!", "Winter2024!", "Spring2025!", "Autumn2025!",
        "Zaq12wsx!", "1qaz@WSX", "1qaz!QAZ", "!QAZ2wsx", "Qq123456!", "Woaini1314!", "Woaini520!", "Aa123123!", "Asdf1234!",
        "Root123!", "Root@123", "Huawei@123", "Huawei123!", "Admin@1234", "Passw0rd1!", "Password@1", "Password@123", "P@ssw0rd123",
    };

    public Task<IdentityResult> ValidateAsync(UserManager<TUser> manager, TUser user, string? password)
    {
        if (password is not null && Common.Contains(password))
        {
            return Task.FromResult(IdentityResult.Failed(new IdentityError
            {
                Code = "CommonPassword",
                Description = "This password is too common and easy to guess. Choose another.",
            }));
        }
        return Task.FromResult(IdentityResult.Success);
    }
}
