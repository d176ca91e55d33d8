using SaasCrm.Customers.Domain;
using SaasCrm.Customers.Records;

namespace SaasCrm.Customers.Contacts;

public sealed record ContactDto(Guid Id, Guid CustomerId, string Name, string? Gender, string? Title, string? Department,
    string? Mobile, string? Phone, string? Email, string? WeChat, string? QQ, DateOnly? Birthday, string? Remark, bool IsPrimary,
    string ConcurrencyStamp, IReadOnlyDictionary<string, object?> CustomFields);

public static class ContactMapper
{
    public static Contact New(Guid customerId, ContactInput input)
    {
        var contact = new Contact { CustomerId = customerId };
        Apply(contact, input);
        return contact;
    }

    public static void Apply(Contact contact, ContactInput input)
    {
        contact.Name = input.Name.Trim();
        contact.Mobile = Clean(input.Mobile);
        contact.Phone = Clean(input.Phone);
        contact.Email = Clean(input.Email);
        contact.Title = Clean(input.Title);
        contact.Gender = Clean(input.Gender);
        contact.Department = Clean(input.Department);
        contact.WeChat = Clean(input.WeChat);
        contact.QQ = Clean(input.QQ);
        contact.Remark = Clean(input.Remark);
    }

    public static ContactDto ToDto(Contact c, IReadOnlyDictionary<string, object?>? customFields = null) =>
        new(c.Id, c.CustomerId, c.Name, c.Gender, c.Title, c.Department, c.Mobile, c.Phone, c.Email, c.WeChat, c.QQ, c.Birthday, c.Remark,
            c.IsPrimary, c.ConcurrencyStamp, customFields ?? new Dictionary<string, object?>());

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
