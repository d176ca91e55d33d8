using System.Text.RegularExpressions;

namespace SaasCrm.ArchitectureTests;

/// <summary>Raw SQL bypasses the tenant filter, so every statement must name the tenant itself (DESIGN.md).</summary>
public sealed partial class RawSqlTests
{
    [GeneratedRegex(@"\b(FromSqlRaw|FromSqlInterpolated|FromSql|ExecuteSqlRaw|ExecuteSqlRawAsync|ExecuteSqlInterpolated|ExecuteSqlInterpolatedAsync|ExecuteSqlAsync|ExecuteSql|SqlQueryRaw|SqlQuery)\s*\(")]
    private static partial Regex RawSqlCall();

    [Fact]
    public void Every_raw_sql_statement_names_the_tenant()
    {
        var src = Path.Combine(RepositoryRoot(), "src");
        var offenders = new List<string>();
        foreach (var file in Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
                     .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}Migrations{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                                 && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
        {
            var text = File.ReadAllText(file);
            foreach (Match match in RawSqlCall().Matches(text))
            {
                // The statement: from the call to the end of its line-terminated expression.
                var end = text.IndexOf(';', match.Index);
                var statement = text[match.Index..(end < 0 ? text.Length : end)];
                if (!statement.Contains("TenantId", StringComparison.Ordinal))
                {
                    offenders.Add($"{Path.GetRelativePath(src, file)}: {statement.Split('\n')[0].Trim()}");
                }
            }
        }
        Assert.True(offenders.Count == 0, "Raw SQL without TenantId:\n" + string.Join("\n", offenders));
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "SaasCrm.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("SaasCrm.sln not found above the test folder.");
    }
}
