using SaasCrm.Platform.BackgroundJobs;
using SaasCrm.Platform.Http;
using SaasCrm.Platform.Identity;
using SaasCrm.Platform.Permissions;

namespace SaasCrm.Platform.Tests;

public sealed class RuleTests
{
    [Theory]
    [InlineData(1, 10)]
    [InlineData(2, 20)]
    [InlineData(3, 40)]
    [InlineData(10, 3600)]  // capped at an hour
    [InlineData(40, 3600)]
    public void Retry_backoff_doubles_and_is_capped(int attempt, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), new JobOptions().BackoffAfter(attempt));

    [Fact]
    public void A_keyset_cursor_round_trips_and_a_forged_one_is_a_validation_error()
    {
        var ids = new[] { Guid.NewGuid(), Guid.NewGuid() };
        var at = new DateTime(2026, 11, 22, 8, 0, 0, DateTimeKind.Utc);
        var decoded = KeysetCursor.Decode(new KeysetCursor(at, ids).Encode())!;
        Assert.Equal(at, decoded.At);
        Assert.Equal(ids, decoded.SeenAtSameTime);
        Assert.Null(KeysetCursor.Decode(null));
        Assert.Throws<RequestValidationException>(() => KeysetCursor.Decode("not-a-cursor"));
    }

    [Fact]
    public void The_next_cursor_carries_ids_of_rows_sharing_the_last_timestamp_across_pages()
    {
        var t = DateTime.UtcNow;
        var first = new[] { (t, Guid.NewGuid()), (t, Guid.NewGuid()) };
        var cursor1 = KeysetCursor.Decode(KeysetCursor.After(first, 2, r => r.t, r => r.Item2, null))!;
        var second = new[] { (t, Guid.NewGuid()), (t, Guid.NewGuid()) };
        var cursor2 = KeysetCursor.Decode(KeysetCursor.After(second, 2, r => r.t, r => r.Item2, cursor1))!;
        Assert.Equal(4, cursor2.SeenAtSameTime.Count);
        Assert.Null(KeysetCursor.After(second[..1], 2, r => r.t, r => r.Item2, cursor1)); // a short page is the last
    }

    [Fact]
    public void A_permission_defined_twice_stops_start_up()
    {
        Assert.Throws<InvalidOperationException>(() => new PermissionDefinitionManager([new Twice(), new Twice2()]));
    }

    [Theory]
    [InlineData("host.abc", true, null)]
    [InlineData("0193a8f0c1d27c3e8a1b2c3d4e5f6a7b.abc", true, "0193a8f0-c1d2-7c3e-8a1b-2c3d4e5f6a7b")]
    [InlineData("garbage", false, null)]
    [InlineData("nothex.abc", false, null)]
    public void A_refresh_token_names_its_tenant(string token, bool valid, string? tenant)
    {
        Assert.Equal(valid, TokenService.TryReadTenant(token, out var tenantId));
        Assert.Equal(tenant is null ? null : Guid.Parse(tenant), tenantId);
    }

    private sealed class Twice : PermissionDefinitionProvider
    {
        public override void Define(PermissionDefinitionContext context) => context.AddGroup("A", new("A", "A")).Add("Same", new("x", "x"));
    }

    private sealed class Twice2 : PermissionDefinitionProvider
    {
        public override void Define(PermissionDefinitionContext context) => context.AddGroup("B", new("B", "B")).Add("Same", new("x", "x"));
    }
}
