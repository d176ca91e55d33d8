namespace SaasCrm.Service.Returns;

internal sealed class ReturnsFeature : ServiceFeature
{
}
