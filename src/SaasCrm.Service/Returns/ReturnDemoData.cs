using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SaasCrm.Platform.Data;
using SaasCrm.Platform.MultiTenancy;
using SaasCrm.Platform.Security;
using SaasCrm.Platform.Seeding;
using SaasCrm.Service.Consultations;

namespace SaasCrm.Service.Returns;

/// <summary>
/// Sample consultations and return entries for the demo tenant, recorded by the sales rep through the use cases (so the
/// transfer and approval workflows start): one answered at once, one transferred to the service department, a submitted
/// return/exchange, a price-protection draft and a submitted VIP home refund.
/// </summary>
internal sealed class ReturnDemoData(
    PlatformDbContext db, ICurrentUser currentUser, ICurrentTenant tenant, ConsultationService consultations, ReturnService returns, TimeProvider clock) : IDemoDataSeeder
{
    public int Order => 300;

    public async Task SeedAsync(string password, CancellationToken ct)
    {
        var rep = await db.Users.AsNoTracking().Where(u => u.UserName == "zhangwei").Select(u => (Guid?)u.Id).FirstOrDefaultAsync(ct);
        var service = await db.Departments.AsNoTracking().Where(d => d.Name.Contains("Service")).Select(d => (Guid?)d.Id).FirstOrDefaultAsync(ct);
        if (rep is null || service is null) return;
        using var _ = currentUser.Change(new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(PlatformClaims.UserId, rep.Value.ToString()), new Claim(PlatformClaims.TenantId, tenant.Id?.ToString() ?? "")], "demo")));
        var now = clock.GetUtcNow().UtcDateTime;

        await consultations.CreateAsync(new CreateConsultationRequest("price", "格力 KFR-35 空调本周售价多少？是否含安装？", ContactName: "王女士", ContactPhone: "13800138000",
            ProductCategoryCode: "appliances", BrandCode: "gree", Answer: "本周促销价 2999 元，含标准安装。", ReplyChannelCode: "phone"), ct);
        var transferred = await consultations.CreateAsync(new CreateConsultationRequest("after-sales", "海尔冰箱 BCD-470 是否支持以旧换新补贴？", ContactName: "李先生",
            ContactPhone: "13911112222", ProductCategoryCode: "appliances", BrandCode: "haier", Quantity: 2), ct);
        await consultations.TransferAsync(transferred.Id, new TransferConsultationRequest(service.Value, now.AddDays(1), Note: "请售后确认补贴政策"), ct);

        await returns.CreateAsync(new ReturnEntryRequest(ReturnKind.ReturnExchange, service, CustomerName: "赵女士", CustomerPhone: "13700002222", OrderNumber: "SO-20261101-0001",
            ProductName: "美的 微波炉 M1-L213B", ProductCategoryCode: "kitchen", BrandCode: "midea", Quantity: 1, Amount: 499m, PickupMethodCode: "store",
            ResultCode: "refunded", ReasonCode: "quality", Submit: true), ct);
        await returns.CreateAsync(new ReturnEntryRequest(ReturnKind.PriceProtection, service, CustomerName: "孙先生", CustomerPhone: "13600003333", OrderNumber: "SO-20261103-0007",
            ProductCategoryCode: "digital", ReasonCode: "price-drop", Amount: 200m), ct);
        await returns.CreateAsync(new ReturnEntryRequest(ReturnKind.VipHomeRefund, service, CustomerName: "周女士", CustomerPhone: "13500004444", Address: "上海市浦东新区世纪大道 100 号",
            OrderNumber: "SO-20261105-0012", ProductCode: "HW-P60", ProductName: "华为 P60", ProductCategoryCode: "digital", BrandCode: "huawei", Quantity: 1, Amount: 5988m,
            PurchaseDate: now.AddDays(-5), Submit: true), ct);
    }
}
