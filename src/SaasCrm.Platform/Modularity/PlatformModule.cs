using System.Text.Json.Serialization;
using FluentValidation;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using SaasCrm.Platform.Auditing;
using SaasCrm.Platform.BackgroundJobs;
using SaasCrm.Platform.Data;
using SaasCrm.Platform.CustomFields;
using SaasCrm.Platform.Departments;
using SaasCrm.Platform.Dictionaries;
using SaasCrm.Platform.Editions;
using SaasCrm.Platform.Events;
using SaasCrm.Platform.Http;
using SaasCrm.Platform.Http.RateLimiting;
using SaasCrm.Platform.Identity;
using SaasCrm.Platform.Identity.Account;
using SaasCrm.Platform.Identity.Roles;
using SaasCrm.Platform.Identity.Users;
using SaasCrm.Platform.MultiTenancy;
using SaasCrm.Platform.Notifications;
using SaasCrm.Platform.Permissions;
using SaasCrm.Platform.Permissions.Endpoints;
using SaasCrm.Platform.Security;
using SaasCrm.Platform.Seeding;
using SaasCrm.Platform.Tenants;

namespace SaasCrm.Platform.Modularity;

/// <summary>The platform itself, registered like any module.</summary>
public sealed class PlatformModule : CrmModule
{
    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();
        services.AddMemoryCache();
        services.AddValidatorsFromAssemblyContaining<PlatformModule>(includeInternalTypes: true);
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        // Binding failures (malformed JSON, wrong types) reach our exception handler as ProblemDetails with a code.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ProblemCodes.AddDefaultCode);
        // Anonymous and API-key endpoints opt into the platform's named rate-limit policies.
        services.AddPlatformRateLimiting(configuration);

        services.Configure<DataFolderOptions>(configuration.GetSection("DataFolder"));
        services.Configure<MultiTenancyOptions>(configuration.GetSection("MultiTenancy"));
        services.Configure<JwtTokenOptions>(configuration.GetSection("Token"));
        services.Configure<LockoutPolicy>(configuration.GetSection("Lockout"));
        services.Configure<JobOptions>(configuration.GetSection("Jobs"));

        // Tenancy, filters, the acting user.
        services.AddSingleton<ICurrentTenant, CurrentTenant>();
        services.AddSingleton<IDataFilter, DataFilter>();
        services.AddSingleton<ICurrentUser, CurrentUser>();
        services.AddSingleton<ITenantStore, TenantStore>();
        services.AddSingleton<ITenantScopeFactory, TenantScopeFactory>();
        services.AddSingleton<PlatformSaveChangesInterceptor>();
        services.AddScoped<BulkInsert>();

        AddIdentity(services);
        AddAuthorization(services);

        services.AddScoped<SecurityLogWriter>();
        services.AddScoped<UserManagementService>();
        services.AddScoped<RoleManagementService>();
        services.AddScoped<DepartmentService>();
        services.AddScoped<TenantService>();
        services.AddScoped<EditionService>();
        services.AddSingleton<EditionCache>();
        services.AddScoped<IEditionLimitChecker, EditionLimitChecker>();
        services.AddScoped<JobAdministrationService>();
        services.AddScoped<PermissionSeeder>();
        services.AddTenantSeeder<PlatformTenantSeeder>();
        services.AddTenantSeeder<DictionarySeeder>();
        services.AddScoped<DictionarySeeder>();
        services.AddScoped<IDictionaryLookup, DictionaryLookup>();
        services.AddScoped<DictionaryAdminService>();
        services.AddScoped<CustomFieldService>();
        services.AddScoped<CustomFieldAdminService>();
        services.AddScoped<IDictionaryUsageProbe, CustomFieldDictionaryUsage>();
        ModuleServiceExtensions.GetOrAddRegistry<CustomFieldEntityTypes>(services);

        services.AddNotifications(configuration);
        Files.FileRegistration.AddPlatformFiles(services, configuration);

        // Jobs and the outbox.
        services.AddSingleton<IJobSignal, JobSignal>();
        services.AddSingleton<JobWorker>();
        services.AddHostedService<JobWorkerService>();
        services.AddScoped<IBackgroundJobManager, BackgroundJobManager>();
        services.AddScoped<IEventPublisher, EventPublisher>();
        services.AddBackgroundJob<EventDispatchArgs, EventDispatchJob>();
        ModuleServiceExtensions.GetOrAddRegistry<EventHandlerRegistry>(services);
    }

    private static void AddIdentity(IServiceCollection services)
    {
        services.AddIdentityCore<AppUser>(o =>
            {
                o.Password.RequiredLength = 6;
                o.Password.RequireDigit = true;
                o.Password.RequireLowercase = true;
                o.Password.RequireUppercase = true;
                o.Password.RequireNonAlphanumeric = true;
                o.User.AllowedUserNameCharacters = ""; // any script (张伟), checked by our validators
                o.User.RequireUniqueEmail = false;
                o.Lockout.AllowedForNewUsers = true;
            })
            .AddRoles<AppRole>()
            .AddEntityFrameworkStores<PlatformDbContext>()
            .AddPasswordValidator<CommonPasswordValidator<AppUser>>();

        services.AddSingleton<SigningKeyProvider>();
        services.AddSingleton<SessionValidator>();
        services.AddScoped<TokenService>();
        services.AddScoped<AccountService>();
    }

    private static void AddAuthorization(IServiceCollection services)
    {
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<SigningKeyProvider, IOptions<JwtTokenOptions>, TimeProvider>((o, keys, tokens, clock) =>
            {
                o.MapInboundClaims = false;
                o.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = tokens.Value.Issuer,
                    ValidAudience = tokens.Value.Audience,
                    IssuerSigningKey = keys.Key,
                    NameClaimType = PlatformClaims.UserName,
                    RoleClaimType = PlatformClaims.Role,
                    ClockSkew = TimeSpan.Zero,
                    // Lifetime checked against the injected clock, so tests that move time see tokens expire.
                    LifetimeValidator = (notBefore, expires, _, _) =>
                    {
                        var now = clock.GetUtcNow().UtcDateTime;
                        return (notBefore is null || notBefore <= now.AddMinutes(1)) && expires > now;
                    },
                };
                o.Events = new JwtBearerEvents
                {
                    OnTokenValidated = async context =>
                    {
                        var validator = context.HttpContext.RequestServices.GetRequiredService<SessionValidator>();
                        if (!await validator.IsValidAsync(context.Principal!, context.HttpContext.RequestServices))
                        {
                            context.Fail("The session has ended.");
                        }
                    },
                };
            });

        // No fallback policy (it would answer 401 for unknown routes instead of 404); instead a test walks every
        // endpoint and fails when one declares neither a permission, a signed-in requirement nor AllowAnonymous.
        services.AddAuthorization();
        services.AddSingleton<IAuthorizationHandler, PermissionAuthorizationHandler>();
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, ProblemAuthorizationResultHandler>();
        services.AddSingleton<PermissionDefinitionManager>();
        services.AddPermissionDefinitions<PlatformPermissionDefinitionProvider>();
        services.AddScoped<CurrentUserRoles>();
        services.AddScoped<IPermissionChecker, PermissionChecker>();
        services.AddScoped<IDataScopeFilter, DataScopeFilter>();
        services.AddScoped<PermissionGrantService>();
    }

    public override void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        AccountEndpoints.Map(endpoints);
        ProfileEndpoints.Map(endpoints);
        PermissionEndpoints.Map(endpoints);
        UserEndpoints.Map(endpoints);
        RoleEndpoints.Map(endpoints);
        DepartmentEndpoints.Map(endpoints);
        AuditEndpoints.Map(endpoints);
        TenantEndpoints.Map(endpoints);
        EditionEndpoints.Map(endpoints);
        DictionaryEndpoints.Map(endpoints);
        CustomFieldEndpoints.Map(endpoints);
        JobEndpoints.Map(endpoints);
        NotificationEndpoints.Map(endpoints);
        Files.FileEndpoints.Map(endpoints);
    }
}
