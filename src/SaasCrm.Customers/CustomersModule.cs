using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SaasCrm.Platform.Modularity;
using SaasCrm.Platform.Permissions;

namespace SaasCrm.Customers;

/// <summary>Customers, contacts, follow-ups, reminders, public pools, handover, merge, import and export (C1–C12, P12).</summary>
public sealed class CustomersModule : CrmModule
{
    public const string CustomerRecordType = "customer";
    public const string ContactRecordType = "contact";

    private static readonly CustomersFeature[] Features =
    [
        new Records.CustomerRecordsFeature(),
        new Contacts.ContactsFeature(),
        new FollowUps.FollowUpsFeature(),
        new Reminders.RemindersFeature(),
        new Pool.PoolFeature(),
        new Handover.HandoverFeature(),
        new Merge.MergeFeature(),
        new Import.ImportFeature(),
        new Export.ExportFeature(),
        new History.HistoryFeature(),
        new Views.SavedViewsFeature(),
        new SearchDocuments.CustomerSearchFeature(),
        new SettingsFeature(),
        new Profile.Customer360Feature(),
        new WorkflowRecords.CustomerWorkflowFeature(),
    ];

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddPermissionDefinitions<CustomerPermissionDefinitions>();
        services.AddDictionaries<CustomerDictionaries>();
        services.AddCustomFieldEntityType(CustomerRecordType, new LocalizedText("Customer", "客户"));
        services.AddCustomFieldEntityType(ContactRecordType, new LocalizedText("Contact", "联系人"));
        services.AddValidatorsFromAssemblyContaining<CustomersModule>(includeInternalTypes: true);
        services.AddScoped<CustomerAccess>();
        services.AddScoped<ICustomerDirectory, CustomerDirectory>();
        services.AddScoped<ICustomerPhoneLookup, CustomerPhoneLookup>();
        services.AddScoped<IPortalCustomerLookup, PortalCustomerLookup>();
        services.AddScoped<UserNames>();
        services.AddScoped<CustomerSettingsStore>();
        services.AddScoped<SaasCrm.Platform.Seeding.IDemoDataSeeder, Demo.CustomersDemoData>();
        services.AddScoped<Records.CustomerKeyWriter>();
        services.AddScoped<Records.DuplicateFinder>();
        services.AddScoped<Records.CustomerService>();
        services.AddScoped<Records.CustomerListQuery>();
        services.AddScoped<Records.CustomerReader>();
        foreach (var feature in Features) feature.AddServices(services, configuration);
    }

    public override void ConfigureModel(ModelBuilder builder)
    {
        Data.CustomersModel.Configure(builder);
        foreach (var feature in Features) feature.ConfigureModel(builder);
    }

    public override void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api").WithTags("Customers");
        foreach (var feature in Features) feature.MapEndpoints(api);
    }
}
