namespace SaasCrm.Service;

/// <summary>Names of the service desk's records as workflows, the 360 page and links know them.</summary>
public static class ServiceRecordTypes
{
    public const string Ticket = "ticket";
    public const string Complaint = "complaint";
}
