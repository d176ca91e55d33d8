using System.Reflection;
using NetArchTest.Rules;

namespace SaasCrm.ArchitectureTests;

/// <summary>
/// A module references the platform and other modules' .Contracts, never their internals; the platform
/// knows no module; nothing below the host knows the host.
/// </summary>
public sealed class ModuleBoundaryTests
{
    private static readonly string[] Infrastructure = ["SaasCrm.Platform", "SaasCrm.EntityFrameworkCore", "SaasCrm.Host", "SaasCrm.Migrations.Sqlite", "SaasCrm.Migrations.MySql"];

    /// <summary>Every SaasCrm assembly the host ships, found next to this test.</summary>
    private static IReadOnlyList<Assembly> Shipped() =>
        Directory.GetFiles(AppContext.BaseDirectory, "SaasCrm.*.dll")
            .Select(Path.GetFileNameWithoutExtension)
            .Where(n => !n!.EndsWith("Tests", StringComparison.Ordinal))
            .Select(n => Assembly.Load(n!))
            .ToList();

    [Fact]
    public void The_platform_knows_no_module_no_database_provider_project_and_not_the_host()
    {
        var forbidden = Shipped().Select(a => a.GetName().Name!).Where(n => n != "SaasCrm.Platform").ToArray();
        var result = Types.InAssembly(typeof(Platform.Modularity.CrmModule).Assembly).ShouldNot().HaveDependencyOnAny(forbidden).GetResult();
        Assert.True(result.IsSuccessful, Failing(result));
    }

    [Fact]
    public void Nothing_but_the_host_depends_on_the_host()
    {
        foreach (var assembly in Shipped().Where(a => a.GetName().Name != "SaasCrm.Host"))
        {
            var result = Types.InAssembly(assembly).ShouldNot().HaveDependencyOn("SaasCrm.Host").GetResult();
            Assert.True(result.IsSuccessful, $"{assembly.GetName().Name}: {Failing(result)}");
        }
    }

    /// <summary>
    /// Checked on assembly references, not namespaces: a contracts assembly shares its module's namespace
    /// (SaasCrm.Customers), so only the assembly a type lives in tells a contract from an internal.
    /// </summary>
    [Fact]
    public void A_module_depends_only_on_the_platform_and_other_modules_contracts()
    {
        var all = Shipped().Select(a => a.GetName().Name!).ToList();
        var modules = all.Where(n => !Infrastructure.Contains(n)).ToList();
        foreach (var module in modules)
        {
            var allowed = (string other) => other == "SaasCrm.Platform" || other.EndsWith(".Contracts", StringComparison.Ordinal);
            var offending = Assembly.Load(module).GetReferencedAssemblies().Select(r => r.Name!)
                .Where(r => all.Contains(r) && !allowed(r))
                .ToList();
            // A contracts assembly may only lean on the platform and other contracts; a module also on its own contracts.
            Assert.True(offending.Count == 0, $"{module} references {string.Join(", ", offending)}");
        }
    }

    private static string Failing(TestResult result) =>
        result.IsSuccessful ? "" : "offending types: " + string.Join(", ", result.FailingTypeNames ?? []);
}
