using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SaasCrm.Platform.Data;
using SaasCrm.Platform.MultiTenancy;
using SaasCrm.Platform.Security;
using SaasCrm.Platform.Seeding;
using SaasCrm.Service.Knowledge.Articles;
using SaasCrm.Service.Knowledge.Domain;

namespace SaasCrm.Service.Knowledge.Demo;

/// <summary>
/// Sample articles for the demo tenant, written and published by the service rep through <see cref="ArticleService"/>
/// (so they are versioned, audited and queued for the search index like any article): Chinese and English, every
/// category, most for customers, some internal, one for partners.
/// </summary>
internal sealed class KnowledgeDemoData(PlatformDbContext db, ICurrentUser currentUser, ICurrentTenant tenant, ArticleService articles) : IDemoDataSeeder
{
    public int Order => 300;

    /// <summary>The service rep of the demo org tree; the tenant admin where there is none.</summary>
    public static readonly string[] Authors = ["liuyang", "admin"];

    internal sealed record Sample(string Title, string Body, string Category, ArticleVisibility Visibility, string[] Tags);

    public static readonly IReadOnlyList<Sample> Samples =
    [
        new("空调不制冷的常见原因及处理方法",
            "<h2>现象</h2><p>空调开机后出风不冷，室外机运转正常或不运转。</p><h2>排查步骤</h2><ol><li>检查遥控器模式是否为制冷，设定温度是否低于室温。</li><li>清洗过滤网，堵塞会明显降低制冷效果。</li><li>确认室外机通风良好，周围 50 厘米内无遮挡。</li><li>以上均正常仍不制冷，可能缺少冷媒，请预约上门检修。</li></ol>",
            "faq", ArticleVisibility.Customers, ["空调", "制冷", "维修"]),
        new("How to reset your smart TV to factory settings",
            "<p>A factory reset clears apps, accounts and picture settings. Use it when the TV freezes or an update failed.</p><ol><li>Open <strong>Settings → System → Reset</strong>.</li><li>Choose <em>Factory reset</em> and enter the PIN (default 0000).</li><li>Wait until the TV restarts (about 3 minutes) and follow the setup wizard.</li></ol>",
            "faq", ArticleVisibility.Customers, ["TV", "reset", "firmware"]),
        new("冰箱产品线介绍：双开门与多门系列",
            "<p>本文介绍公司在售冰箱产品线：<strong>双开门系列</strong>容积 450–650 升，适合三口以上家庭；<strong>多门系列</strong>提供独立变温室，适合母婴与生鲜储存。全系一级能效，支持风冷无霜。</p>",
            "product", ArticleVisibility.Customers, ["冰箱", "产品线", "能效"]),
        new("Washing machine error codes E1–E4 explained",
            "<p>The display shows an error code when a wash cycle stops.</p><ul><li><strong>E1</strong> — water inlet: check the tap is open and the hose is not bent.</li><li><strong>E2</strong> — drain: clean the drain filter.</li><li><strong>E3</strong> — door lock: close the door firmly.</li><li><strong>E4</strong> — unbalanced load: redistribute the laundry.</li></ul>",
            "product", ArticleVisibility.Customers, ["washing machine", "error code"]),
        new("门店以旧换新补贴解决方案",
            "<p>面向门店的以旧换新流程：顾客登记旧机信息 → 门店评估折价 → 新机订单抵扣 → 物流上门回收旧机。补贴按品类与能效等级计算，详见附表。</p>",
            "solution", ArticleVisibility.Internal, ["以旧换新", "补贴", "门店"]),
        new("Case study: reducing repeat repair visits by 30%",
            "<p>A regional service team cut repeat visits for air conditioners by 30% in one quarter: technicians carried a checklist for refrigerant pressure, every visit closed with a photo of the outdoor unit, and tickets reopened within 7 days were reviewed weekly.</p>",
            "case", ArticleVisibility.Internal, ["case study", "repair", "quality"]),
        new("客户投诉升级应对策略",
            "<p>投诉在 24 小时内未解决时：</p><ol><li>由客服主管主动致电客户，说明处理进度。</li><li>涉及金额赔偿时走价保或赔偿审批流程。</li><li>媒体或 12315 投诉立即上报服务经理。</li></ol>",
            "countermeasure", ArticleVisibility.Internal, ["投诉", "升级", "客服"]),
        new("Installation guide for dealers: wall-mounted air conditioners",
            "<p>For partner installers. Mount the indoor unit at least 2.3 m above the floor, keep the pipe run under 15 m without extra refrigerant, vacuum the lines for 15 minutes and record the pressure on the installation sheet. Submit the sheet with the ticket.</p>",
            "training", ArticleVisibility.Partners, ["installation", "dealer", "air conditioner"]),
        new("新员工培训：工单处理规范",
            "<p>新入职客服须掌握：工单受理后 2 小时内首次响应；无法当场解决的问题转派至对应部门并注明截止时间；解决后回访客户并邀请评价。</p>",
            "training", ArticleVisibility.Internal, ["培训", "工单", "规范"]),
        new("退换货政策说明 Return and exchange policy",
            "<p>自签收之日起 7 天内无理由退货，15 天内质量问题可换货。Within 7 days of delivery you may return a product for any reason; within 15 days a faulty product is exchanged. 请保留发票和完整包装。Keep the invoice and the original packaging.</p>",
            "faq", ArticleVisibility.Customers, ["退货", "换货", "return", "policy"]),
    ];

    public async Task SeedAsync(string password, CancellationToken ct)
    {
        var author = await db.Users.AsNoTracking().Where(u => Authors.Contains(u.UserName!)).Select(u => new { u.Id, u.UserName }).ToListAsync(ct);
        var id = Authors.Select(a => author.FirstOrDefault(u => u.UserName == a)?.Id).FirstOrDefault(x => x is not null);
        if (id is null) return;
        using var _ = currentUser.Change(new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(PlatformClaims.UserId, id.Value.ToString()), new Claim(PlatformClaims.TenantId, tenant.Id?.ToString() ?? "")], "demo")));
        foreach (var s in Samples)
        {
            var article = await articles.CreateAsync(new SaveArticleRequest(s.Title, s.Body, s.Category, s.Tags, s.Visibility, null), ct);
            await articles.PublishAsync(article.Id, article.ConcurrencyStamp, publish: true, ct);
        }
    }
}
