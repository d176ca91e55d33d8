namespace SaasCrm.Service.Knowledge;

internal sealed class KnowledgeFeature : ServiceFeature
{
}
