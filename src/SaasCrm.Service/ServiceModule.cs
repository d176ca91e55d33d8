using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SaasCrm.Platform.Files;
using SaasCrm.Platform.Modularity;
using SaasCrm.Platform.Permissions;
using SaasCrm.Service.Shared;
using SaasCrm.Service.Tickets;
using SaasCrm.Workflows;

namespace SaasCrm.Service;

/// <summary>Service desk: tickets, complaints, return visits and satisfaction (V1–V3, V6).</summary>
public sealed class ServiceModule : CrmModule
{
    private static readonly ServiceFeature[] Features =
    [
        new Knowledge.KnowledgeFeature(),
        new Consultations.ConsultationsFeature(),
        new Returns.ReturnsFeature(),
        new Portal.PortalFeature(),
        new CallCenter.CallCenterFeature(),
        new Reports.ReportsFeature(),
    ];

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddPermissionDefinitions<ServicePermissionDefinitions>();
        services.AddDictionaries<ServiceDictionaries>();
        services.AddCustomFieldEntityType(ServiceRecordTypes.Ticket, new LocalizedText("Ticket", "工单"));
        services.AddCustomFieldEntityType(ServiceRecordTypes.Complaint, new LocalizedText("Complaint", "客诉"));
        services.AddValidatorsFromAssemblyContaining<ServiceModule>(includeInternalTypes: true);
        // Attachments: the platform's content checks decide which formats are accepted (10 MB each).
        // Others read a ticket's files through the ticket (its data scope applies), never by file id alone; uploads no
        // ticket uses are swept.
        services.AddFilePurpose<TicketFileReferences>(new FilePurpose(TicketService.AttachmentPurpose, 10 * 1024 * 1024, FileContentSniffer.Documents, ReadPermission: null));

        services.AddScoped<ServiceAccess>();
        services.AddScoped<ServiceHistoryWriter>();
        services.AddScoped<ServiceNames>();
        services.AddScoped<ServiceReferences>();
        services.AddScoped<TicketWorkflowActions>();
        services.AddScoped<TicketService>();
        services.AddScoped<TicketQueries>();
        services.AddScoped<Complaints.ComplaintWorkflowActions>();
        services.AddScoped<Complaints.ComplaintService>();
        services.AddScoped<Complaints.ComplaintQueries>();
        services.AddWorkflowRecordType<Workflow.TicketRecordType>();
        services.AddWorkflowRecordType<Workflow.ComplaintRecordType>();
        services.AddWorkflowTemplates<Workflow.ServiceWorkflowTemplates>();
        services.AddScoped<SaasCrm.Customers.ICustomerRelatedRecords, CustomerLinks.TicketRelatedRecords>();
        services.AddScoped<SaasCrm.Customers.ICustomerRelatedRecords, CustomerLinks.ComplaintRelatedRecords>();
        services.AddEventHandler<SaasCrm.Customers.CustomersHandedOver, CustomerLinks.ServiceHandoverHandler>();
        services.AddEventHandler<SaasCrm.Customers.CustomersMerged, CustomerLinks.ServiceMergeHandler>();
        services.AddEventHandler<SaasCrm.Customers.CustomerMergeReverted, CustomerLinks.ServiceMergeRevertHandler>();
        foreach (var feature in Features) feature.AddServices(services, configuration);
    }

    public override void ConfigureModel(ModelBuilder builder)
    {
        Data.ServiceModel.Configure(builder);
        foreach (var feature in Features) feature.ConfigureModel(builder);
    }

    public override void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api");
        TicketEndpoints.Map(api);
        Complaints.ComplaintEndpoints.Map(api);
        foreach (var feature in Features) feature.MapEndpoints(api);
    }
}
