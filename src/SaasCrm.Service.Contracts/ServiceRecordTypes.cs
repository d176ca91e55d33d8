namespace SaasCrm.Service;

/// <summary>Names of the service desk's records as workflows, the 360 page and links know them.</summary>
public static class ServiceRecordTypes
{
    public const string Ticket = "ticket";
    public const string Complaint = "complaint";
    public const string Consultation = "consultation";
    /// <summary>Returns, exchanges and compensation entries (one record type; the entry kind is a field).</summary>
    public const string Return = "return";
    public const string Article = "article";
    public const string CallLog = "call";
}
