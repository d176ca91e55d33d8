namespace SaasCrm.Platform.Seeding;

/// <summary>What a new tenant starts with.</summary>
public sealed record TenantSeedContext(Guid TenantId, string TenantName, string AdminUserName, string AdminPassword, string? AdminEmail);

/// <summary>
/// Seeds a new tenant. Runs inside the tenant, in the creating transaction when the tenant shares the
/// database. Modules add their own (dictionaries, workflow templates) by registering another seeder.
/// </summary>
public interface ITenantDataSeeder
{
    /// <summary>Lower runs first: the platform's roles and admin (0) come before module data.</summary>
    int Order => 100;
    Task SeedAsync(TenantSeedContext context, CancellationToken cancellationToken);
}

/// <summary>Creates (or migrates) the schema of a tenant that has its own database.</summary>
public interface IDatabaseSchemaManager
{
    Task EnsureSchemaAsync(CancellationToken cancellationToken);
}

/// <summary>Sample data for the demo tenant made at first start (each module adds its own), never for real tenants.</summary>
public interface IDemoDataSeeder
{
    int Order => 100;
    Task SeedAsync(string password, CancellationToken cancellationToken);
}
