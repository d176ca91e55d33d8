using SaasCrm.Platform.Data;
using SaasCrm.Platform.Domain;
using SaasCrm.Platform.MultiTenancy;

namespace SaasCrm.Platform.Tests;

public sealed class AmbientScopeTests
{
    [Fact]
    public async Task A_tenant_change_flows_into_awaited_code_and_is_undone_in_order()
    {
        var tenant = new CurrentTenant();
        var a = Guid.NewGuid();
        var b = Guid.NewGuid();
        Assert.Null(tenant.Id);
        using (tenant.Change(a, "a"))
        {
            await Task.Yield();
            Assert.Equal(a, tenant.Id);
            using (tenant.Change(b))
            {
                Assert.Equal(b, await Task.Run(() => tenant.Id));
            }
            Assert.Equal(a, tenant.Id);
            Assert.Equal("a", tenant.Name);
        }
        Assert.Null(tenant.Id);
    }

    [Fact]
    public async Task A_change_in_one_flow_is_not_seen_by_another()
    {
        var tenant = new CurrentTenant();
        var entered = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        var other = Task.Run(async () =>
        {
            using (tenant.Change(Guid.NewGuid()))
            {
                entered.SetResult();
                await release.Task;
            }
        });
        await entered.Task;
        Assert.Null(tenant.Id);
        release.SetResult();
        await other;
    }

    [Fact]
    public void Filters_are_on_by_default_and_disabling_one_leaves_the_other_on()
    {
        var filter = new DataFilter();
        Assert.True(filter.IsEnabled<IMultiTenant>());
        using (filter.Disable<ISoftDelete>())
        {
            Assert.False(filter.IsEnabled<ISoftDelete>());
            Assert.True(filter.IsEnabled<IMultiTenant>());
            using (filter.Enable<ISoftDelete>()) Assert.True(filter.IsEnabled<ISoftDelete>());
            Assert.False(filter.IsEnabled<ISoftDelete>());
        }
        Assert.True(filter.IsEnabled<ISoftDelete>());
    }

    [Fact]
    public void Disposing_a_scope_twice_restores_only_once()
    {
        var tenant = new CurrentTenant();
        var outer = Guid.NewGuid();
        using var _ = tenant.Change(outer);
        var inner = tenant.Change(Guid.NewGuid());
        inner.Dispose();
        using (tenant.Change(Guid.NewGuid()))
        {
            inner.Dispose(); // a late second dispose must not clobber the newer scope
            Assert.NotEqual(outer, tenant.Id);
        }
        Assert.Equal(outer, tenant.Id);
    }
}
