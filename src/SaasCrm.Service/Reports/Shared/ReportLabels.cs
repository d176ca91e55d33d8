using SaasCrm.Platform.Dictionaries;
using SaasCrm.Service.Shared;

namespace SaasCrm.Service.Reports.Shared;

/// <summary>Readable row labels in the caller's language: dictionary items, department and user names, "none".</summary>
public sealed class ReportLabels(IDictionaryLookup dictionaries, ServiceNames names)
{
    public async Task<Func<string, string>> DictionaryAsync(string type, bool zh, CancellationToken ct)
    {
        var items = (await dictionaries.ItemsAsync(type, ct)).ToDictionary(i => i.Code, i => zh ? i.LabelZh : i.LabelEn);
        return code => code == "" ? None(zh) : items.GetValueOrDefault(code) ?? code;
    }

    public async Task<Func<string, string>> DepartmentsAsync(IEnumerable<string> keys, bool zh, CancellationToken ct)
    {
        var ids = keys.Select(k => Guid.TryParse(k, out var g) ? g : (Guid?)null).ToList();
        await names.LoadAsync([], ids, ct);
        return key => Guid.TryParse(key, out var id) ? names.Department(id) ?? key : zh ? "（无部门）" : "(No department)";
    }

    public async Task<Func<string, string>> UsersAsync(IEnumerable<string> keys, bool zh, CancellationToken ct)
    {
        var ids = keys.Select(k => Guid.TryParse(k, out var g) ? g : (Guid?)null).ToList();
        await names.LoadAsync(ids, [], ct);
        return key => Guid.TryParse(key, out var id) ? names.User(id) ?? key : zh ? "（未分派）" : "(Unassigned)";
    }

    public static string None(bool zh) => zh ? "（无）" : "(None)";

    public static string Total(bool zh) => zh ? "合计" : "Total";
}
