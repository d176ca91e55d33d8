namespace SaasCrm.Service.Reports;

internal sealed class ReportsFeature : ServiceFeature
{
}
