using SaasCrm.EntityFrameworkCore;
using SaasCrm.Host.Startup;

var builder = WebApplication.CreateBuilder(args);
builder.AddSaasCrm(AllModules.Catalog);

var app = builder.Build();
app.UseSaasCrm();

// `dotnet run -- migrate` applies migrations and seeds, then exits (for deployments that migrate separately).
await app.Services.InitializeDatabaseAsync();
if (args.Contains("migrate")) return;

await app.RunAsync();

/// <summary>Entry point, visible to the HTTP tests.</summary>
public partial class Program;
