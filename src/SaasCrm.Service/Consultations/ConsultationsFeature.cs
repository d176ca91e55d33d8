namespace SaasCrm.Service.Consultations;

internal sealed class ConsultationsFeature : ServiceFeature
{
}
