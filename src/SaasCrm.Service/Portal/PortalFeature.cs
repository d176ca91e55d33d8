namespace SaasCrm.Service.Portal;

internal sealed class PortalFeature : ServiceFeature
{
}
