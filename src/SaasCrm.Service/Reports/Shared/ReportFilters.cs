using SaasCrm.Platform.Http;

namespace SaasCrm.Service.Reports.Shared;

public static class ReportFilters
{
    /// <summary>An id filter: a Guid, or "" / "none" for records without one; anything else is a 400 on that filter.</summary>
    public static Guid? Id(string value, string key)
    {
        if (value is "" or "none") return null;
        return Guid.TryParse(value, out var id) ? id
            : throw RequestValidationException.For("filter." + key, "report.bad_filter", $"Filter '{key}' must be an id.");
    }
}
