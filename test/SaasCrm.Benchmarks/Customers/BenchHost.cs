using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SaasCrm.Platform.Data;
using SaasCrm.Platform.Seeding;

namespace SaasCrm.Benchmarks.Customers;

/// <summary>
/// The real host (every product module, real clock, job worker on) over in-memory HTTP on SQLite or MariaDB.
/// The schema comes from the model (EnsureCreated), so index changes are measured before their migration runs.
/// </summary>
public sealed class BenchHost(bool mariaDb, string connectionString, string dataFolder) : WebApplicationFactory<SaasCrm.Host.Startup.SeedOptions>
{
    public const string Password = "1q2w3E*";

    // Run from the build output, far from the sources: the content root is the scratch folder.
    private readonly bool _contentRoot = SetContentRoot(dataFolder);

    private static bool SetContentRoot(string folder)
    {
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_SAASCRM_HOST", folder);
        return true;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Database:Provider", mariaDb ? "MySql" : "Sqlite");
        builder.UseSetting("Database:ConnectionString", connectionString);
        builder.UseSetting("DataFolder:Path", dataFolder);
        builder.UseSetting("Ui:Path", Directory.CreateDirectory(Path.Combine(dataFolder, "ui")).FullName);
        builder.UseSetting("Token:SigningKey", "bench-signing-key-that-is-long-enough-0123456789");
        builder.UseSetting("Jobs:Enabled", "true");
        builder.UseSetting("Jobs:PollInterval", "00:00:01");
        builder.UseSetting("MultiTenancy:RootDomain", "crm.bench");
        builder.UseSetting("Seed:DemoTenant", "false");
        builder.UseSetting("Seed:AdminPassword", Password);
        builder.UseSetting("Smtp:Enabled", "false");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore", "Error");
        // BENCH_SQL_LOG=Information prints every executed command with its duration, to see where a run spends its time.
        builder.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command", Environment.GetEnvironmentVariable("BENCH_SQL_LOG") ?? "Error");
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<IDatabaseSchemaManager>();
            services.AddScoped<IDatabaseSchemaManager, EnsureCreatedSchemaManager>();
        });
    }

    public async Task<HttpClient> LoginAsync(string? tenant, string userName)
    {
        var client = CreateClient();
        client.Timeout = TimeSpan.FromMinutes(30);
        var body = await ExpectAsync(await client.PostAsJsonAsync("/api/account/login", new { tenant, userName, password = Password }), HttpStatusCode.OK);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", body["accessToken"]!.GetValue<string>());
        return client;
    }

    public static async Task<JsonNode> ExpectAsync(HttpResponseMessage response, HttpStatusCode status = HttpStatusCode.OK)
    {
        var text = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != status)
            throw new InvalidOperationException($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text.Length == 0 ? "{}" : text)!;
    }

    private sealed class EnsureCreatedSchemaManager(PlatformDbContext db) : IDatabaseSchemaManager
    {
        public Task EnsureSchemaAsync(CancellationToken cancellationToken) => db.Database.EnsureCreatedAsync(cancellationToken);
    }
}
