using FluentValidation;

namespace SaasCrm.Customers.Records;

internal sealed class CustomerFieldsValidator : AbstractValidator<CustomerFields>
{
    public CustomerFieldsValidator()
    {
        RuleFor(x => x.Name).NotEmpty().MaximumLength(200);
        RuleFor(x => x.Code).MaximumLength(64);
        RuleFor(x => x.Kind).IsInEnum();
        RuleFor(x => x.Address).MaximumLength(500);
        RuleFor(x => x.Website).MaximumLength(300);
        RuleFor(x => x.Remark).MaximumLength(2000);
        RuleFor(x => x.Latitude).InclusiveBetween(-90, 90);
        RuleFor(x => x.Longitude).InclusiveBetween(-180, 180);
        RuleFor(x => x.Phones).Must(p => p is null || p.Count <= 10).WithMessage("At most 10 phone numbers.");
        RuleForEach(x => x.Phones).NotEmpty().MaximumLength(32)
            .Must(p => CustomerNormalizer.Phone(p).Length >= 5).WithErrorCode("phone.invalid").WithMessage("'{PropertyValue}' is not a phone number.");
        RuleFor(x => x.Emails).Must(p => p is null || p.Count <= 10).WithMessage("At most 10 email addresses.");
        RuleForEach(x => x.Emails).NotEmpty().MaximumLength(256).EmailAddress().WithErrorCode("email.invalid");
        RuleFor(x => x.Tags).Must(p => p is null || p.Count <= 20).WithMessage("At most 20 tags.");
        RuleForEach(x => x.Tags).NotEmpty().MaximumLength(32).Must(t => !t.Contains(','))
            .WithErrorCode("tag.invalid").WithMessage("A tag cannot contain a comma.");
    }
}

internal sealed class CreateCustomerRequestValidator : AbstractValidator<CreateCustomerRequest>
{
    public CreateCustomerRequestValidator()
    {
        Include(new CustomerFieldsValidator());
        RuleFor(x => x.DuplicateReason).MaximumLength(500);
        RuleFor(x => x.Contacts).Must(c => c is null || c.Count(x => x.IsPrimary) <= 1)
            .WithErrorCode("contact.one_primary").WithMessage("Only one contact can be the primary contact.");
        RuleForEach(x => x.Contacts).SetValidator(new ContactInputValidator());
    }
}

internal sealed class UpdateCustomerRequestValidator : AbstractValidator<UpdateCustomerRequest>
{
    public UpdateCustomerRequestValidator()
    {
        Include(new CustomerFieldsValidator());
        RuleFor(x => x.ConcurrencyStamp).NotEmpty();
    }
}

internal sealed class ContactInputValidator : AbstractValidator<ContactInput>
{
    public ContactInputValidator()
    {
        RuleFor(x => x.Name).NotEmpty().MaximumLength(100);
        RuleFor(x => x.Mobile).MaximumLength(32);
        RuleFor(x => x.Phone).MaximumLength(32);
        RuleFor(x => x.Email).MaximumLength(256).EmailAddress().When(x => !string.IsNullOrEmpty(x.Email)).WithErrorCode("email.invalid");
        RuleFor(x => x.Title).MaximumLength(100);
        RuleFor(x => x.Department).MaximumLength(100);
        RuleFor(x => x.WeChat).MaximumLength(64);
        RuleFor(x => x.QQ).MaximumLength(32);
        RuleFor(x => x.Remark).MaximumLength(1000);
    }
}

internal sealed class BulkAssignRequestValidator : AbstractValidator<BulkAssignRequest>
{
    public BulkAssignRequestValidator() => RuleFor(x => x.CustomerIds).NotEmpty().Must(ids => ids.Count <= 1000).WithMessage("At most 1,000 customers at once.");
}

internal sealed class BulkTagRequestValidator : AbstractValidator<BulkTagRequest>
{
    public BulkTagRequestValidator()
    {
        RuleFor(x => x.CustomerIds).NotEmpty().Must(ids => ids.Count <= 1000).WithMessage("At most 1,000 customers at once.");
        RuleForEach(x => x.Add).NotEmpty().MaximumLength(32).Must(t => !t.Contains(',')).WithErrorCode("tag.invalid");
    }
}
