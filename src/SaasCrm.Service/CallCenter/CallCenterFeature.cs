namespace SaasCrm.Service.CallCenter;

internal sealed class CallCenterFeature : ServiceFeature
{
}
