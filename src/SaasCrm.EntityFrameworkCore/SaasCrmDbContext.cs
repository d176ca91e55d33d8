using Microsoft.EntityFrameworkCore;
using SaasCrm.Platform.Data;
using SaasCrm.Platform.Modularity;
using SaasCrm.Platform.MultiTenancy;

namespace SaasCrm.EntityFrameworkCore;

/// <summary>The application's DbContext: the platform's tables plus every registered module's entities.</summary>
public sealed class SaasCrmDbContext(
    DbContextOptions<SaasCrmDbContext> options,
    ICurrentTenant currentTenant,
    IDataFilter dataFilter,
    ModuleCatalog modules) : PlatformDbContext(options, currentTenant, dataFilter, modules);
