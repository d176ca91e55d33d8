using Microsoft.EntityFrameworkCore;

namespace SaasCrm.Customers.Pool.Model;

internal static class PoolModel
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<CustomerPool>(b =>
        {
            b.ToTable("CustomerPools");
            b.Property(x => x.Name).HasMaxLength(100).IsRequired();
            b.Property(x => x.Description).HasMaxLength(500);
            b.HasIndex(x => new { x.TenantId, x.Name });
        });
        builder.Entity<CustomerPoolMember>(b =>
        {
            b.ToTable("CustomerPoolMembers");
            b.HasIndex(x => new { x.TenantId, x.PoolId });
            b.HasIndex(x => new { x.TenantId, x.UserId });
        });
        builder.Entity<CustomerPoolRule>(b =>
        {
            b.ToTable("CustomerPoolRules");
            b.Property(x => x.LevelCode).HasMaxLength(64);
            b.HasIndex(x => new { x.TenantId, x.PoolId });
        });
    }
}
