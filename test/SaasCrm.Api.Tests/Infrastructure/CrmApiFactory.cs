using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using SaasCrm.Api.Tests.Probe;
using SaasCrm.EntityFrameworkCore;
using SaasCrm.Platform.Data;
using SaasCrm.Platform.Modularity;
using SaasCrm.Platform.Seeding;

namespace SaasCrm.Api.Tests.Infrastructure;

public enum DatabaseKind { Sqlite, MariaDb }

/// <summary>
/// The real host over HTTP, on a real database, with a movable clock. The product's modules plus the
/// test-only <see cref="ProbeModule"/>; the schema comes from the model. With <c>productionModel</c> it is the
/// product as shipped instead: migrations, no probe module, the demo tenant seeded.
/// Jobs do not poll on their own: tests run the worker explicitly, so nothing happens behind their back.
/// </summary>
public sealed class CrmApiFactory(DatabaseKind kind, string connectionString, string dataFolder, bool productionModel = false) : WebApplicationFactory<Program>
{
    public const string Password = "1q2w3E*";
    public static readonly ModuleCatalog Modules = new([.. AllModules.Catalog.Modules, new ProbeModule()]);

    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);
    public DatabaseKind Kind { get; } = kind;
    /// <summary>The SMTP server the host mails through in tests.</summary>
    public SmtpSink Smtp { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", Kind == DatabaseKind.Sqlite ? "Sqlite" : "MySql");
        builder.UseSetting("Database:ConnectionString", connectionString);
        builder.UseSetting("DataFolder:Path", dataFolder);
        builder.UseSetting("Ui:Path", UiFolder(dataFolder));
        builder.UseSetting("Token:SigningKey", "test-signing-key-that-is-long-enough-0123456789");
        builder.UseSetting("Jobs:Enabled", "false");
        builder.UseSetting("MultiTenancy:RootDomain", "crm.test");
        builder.UseSetting("Seed:DemoTenant", productionModel ? "true" : "false");
        builder.UseSetting("Seed:AdminPassword", Password);
        builder.UseSetting("Smtp:Enabled", "true");
        builder.UseSetting("Smtp:Host", "127.0.0.1");
        builder.UseSetting("Smtp:Port", Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Smtp:Security", "None");
        // The test server has no client address and most tests send no tenant header, so every request shares one rate-limit
        // partition: limits high enough that no other test ever meets them (RateLimitTests lower them on their own host).
        foreach (var policy in new[] { "SignUp", "Token", "ApiKey" })
        {
            builder.UseSetting($"RateLimits:{policy}:PermitLimit", "1000000");
            builder.UseSetting($"RateLimits:{policy}:Window", "00:01:00");
        }
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore", "Error");
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
            if (productionModel) return; // the product as shipped: its modules, its migrations, its demo tenant
            services.RemoveAll<ModuleCatalog>();
            services.AddSingleton(Modules);
            new ProbeModule().ConfigureServices(services, null!);
            services.RemoveAll<IDatabaseSchemaManager>();
            services.AddScoped<IDatabaseSchemaManager, EnsureCreatedSchemaManager>();
        });
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Smtp.DisposeAsync();
    }

    /// <summary>A stand-in UI build (index.html and one hashed asset), so UI hosting is tested without building Angular.</summary>
    private static string UiFolder(string dataFolder)
    {
        var ui = Directory.CreateDirectory(Path.Combine(dataFolder, "ui")).FullName;
        File.WriteAllText(Path.Combine(ui, "index.html"), "<!doctype html><html><body><app-root></app-root></body></html>");
        File.WriteAllText(Path.Combine(ui, "main-ABCD1234.js"), "console.log('app');");
        return ui;
    }

    /// <summary>The test model includes the probe module's tables, which no migration knows.</summary>
    private sealed class EnsureCreatedSchemaManager(PlatformDbContext db) : IDatabaseSchemaManager
    {
        public Task EnsureSchemaAsync(CancellationToken cancellationToken) => db.Database.EnsureCreatedAsync(cancellationToken);
    }
}
