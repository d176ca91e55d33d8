using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;
using SaasCrm.Platform.CustomFields;
using SaasCrm.Platform.Http;

namespace SaasCrm.Customers.Records;

/// <summary>
/// Reads the customer list's query string ("level=a&amp;level=b&amp;tag=vip&amp;cf.region=north") outside a request:
/// exports and other bulk work take the list's filter as the UI sends it, so they select exactly what the list shows.
/// Paging and sort keys are ignored.
/// </summary>
public static class CustomerListFilterParser
{
    public static (CustomerListFilter Filter, IReadOnlyList<CustomFieldFilter> CustomFields) Parse(string? queryString)
    {
        var query = new Dictionary<string, StringValues>(QueryHelpers.ParseQuery(queryString), StringComparer.OrdinalIgnoreCase);
        string? One(string key) => query.TryGetValue(key, out var v) && !StringValues.IsNullOrEmpty(v) ? v.ToString() : null;
        string[]? Many(string key) => query.TryGetValue(key, out var v) && v.Count > 0 ? v.Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s!).ToArray() : null;
        T? Typed<T>(string key, Func<string, (bool Ok, T Value)> parse) where T : struct
        {
            if (One(key) is not { } text) return null;
            var (ok, value) = parse(text);
            return ok ? value : throw RequestValidationException.For(key, "filter.invalid", $"'{text}' is not a valid value for {key}.");
        }
        Guid? Id(string key) => Typed(key, s => (Guid.TryParse(s, out var g), g));
        DateTime? Time(string key) => Typed(key, s => (DateTime.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var d), d));
        bool? Flag(string key) => Typed(key, s => (bool.TryParse(s, out var b), b));

        var filter = new CustomerListFilter
        {
            Scope = One("scope"), Name = One("name"), OwnerId = Id("ownerId"), DepartmentId = Id("departmentId"),
            Level = Many("level"), Source = Many("source"), Industry = Many("industry"), Tag = Many("tag"),
            LastFollowUpBefore = Time("lastFollowUpBefore"), LastFollowUpAfter = Time("lastFollowUpAfter"), NextFollowUpBefore = Time("nextFollowUpBefore"),
            InPool = Flag("inPool"), Locked = Flag("locked"),
        };
        return (filter, CustomFieldService.ParseFilters(QueryHelpers.ParseQuery(queryString)));
    }
}
