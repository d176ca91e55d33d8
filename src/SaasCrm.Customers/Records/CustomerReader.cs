using SaasCrm.Customers.Domain;
using SaasCrm.Platform.CustomFields;

namespace SaasCrm.Customers.Records;

/// <summary>Turns a customer into its DTO: custom field values and user names in one query each.</summary>
public sealed class CustomerReader(CustomFieldService customFields, UserNames users)
{
    public async Task<CustomerDto> ToDtoAsync(Customer c, CancellationToken ct)
    {
        var values = await customFields.LoadAsync(CustomersModule.CustomerRecordType, [c.Id], ct);
        await users.LoadAsync([c.OwnerId, c.ServiceRepId], ct);
        return new CustomerDto(c.Id, c.Kind, c.Name, c.Code, c.LevelCode, c.SourceCode, c.IndustryCode, c.Province, c.City, c.District, c.Address,
            c.Latitude, c.Longitude, c.Phones, c.Emails, c.Tags, c.Website, c.Remark, c.OwnerId, users.Of(c.OwnerId), c.ServiceRepId, users.Of(c.ServiceRepId),
            c.PoolId, c.IsLocked, c.LastFollowUpAt, c.NextFollowUpAt, c.LastDealAt, c.Status, c.MergedIntoId, c.CreatedAt, c.ConcurrencyStamp,
            values.GetValueOrDefault(c.Id) ?? new Dictionary<string, object?>());
    }
}
