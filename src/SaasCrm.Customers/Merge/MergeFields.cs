using SaasCrm.Customers.Domain;

namespace SaasCrm.Customers.Merge;

/// <summary>A customer field a merge can take from any of the merged customers.</summary>
internal sealed record MergeField(string Name, string LabelEn, string LabelZh, Func<Customer, object?> Get, Action<Customer, Customer> Copy)
{
    public bool IsEmpty(Customer c) => Get(c) is null or "";
    public bool SameIn(Customer a, Customer b) => Equals(Get(a), Get(b));
}

internal static class MergeFields
{
    public const string CustomFieldPrefix = "customFields.";

    /// <summary>Fields the caller chooses between (phones, emails and tags are united instead).</summary>
    public static readonly IReadOnlyList<MergeField> Choosable =
    [
        new("name", "Name", "名称", c => c.Name, (t, s) => t.Name = s.Name),
        new("kind", "Kind", "类型", c => c.Kind, (t, s) => t.Kind = s.Kind),
        new("code", "Code", "编号", c => c.Code, (t, s) => t.Code = s.Code),
        new("levelCode", "Level", "级别", c => c.LevelCode, (t, s) => t.LevelCode = s.LevelCode),
        new("sourceCode", "Source", "来源", c => c.SourceCode, (t, s) => t.SourceCode = s.SourceCode),
        new("industryCode", "Industry", "行业", c => c.IndustryCode, (t, s) => t.IndustryCode = s.IndustryCode),
        new("province", "Province", "省份", c => c.Province, (t, s) => t.Province = s.Province),
        new("city", "City", "城市", c => c.City, (t, s) => t.City = s.City),
        new("district", "District", "区县", c => c.District, (t, s) => t.District = s.District),
        new("address", "Address", "地址", c => c.Address, (t, s) => t.Address = s.Address),
        new("latitude", "Latitude", "纬度", c => c.Latitude, (t, s) => t.Latitude = s.Latitude),
        new("longitude", "Longitude", "经度", c => c.Longitude, (t, s) => t.Longitude = s.Longitude),
        new("website", "Website", "网站", c => c.Website, (t, s) => t.Website = s.Website),
        new("remark", "Remark", "备注", c => c.Remark, (t, s) => t.Remark = s.Remark),
        new("ownerId", "Owner", "负责人", c => c.OwnerId, (t, s) => t.OwnerId = s.OwnerId),
        new("serviceRepId", "Service rep", "专属客服", c => c.ServiceRepId, (t, s) => t.ServiceRepId = s.ServiceRepId),
        new("isLocked", "Locked", "锁定", c => c.IsLocked, (t, s) => t.IsLocked = s.IsLocked),
    ];

    /// <summary>Facts the merge works out itself (latest follow-up, next one, last deal).</summary>
    public static readonly IReadOnlyList<MergeField> Derived =
    [
        new("lastFollowUpAt", "Last follow-up", "最近跟进", c => c.LastFollowUpAt, (t, s) => t.LastFollowUpAt = s.LastFollowUpAt),
        new("nextFollowUpAt", "Next follow-up", "下次跟进", c => c.NextFollowUpAt, (t, s) => t.NextFollowUpAt = s.NextFollowUpAt),
        new("lastDealAt", "Last deal", "最近成交", c => c.LastDealAt, (t, s) => t.LastDealAt = s.LastDealAt),
    ];

    public static MergeField? Find(string name) => Choosable.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));
}
