namespace SaasCrm.Platform.Permissions;

/// <summary>All permissions of all modules, collected once at start-up.</summary>
public sealed class PermissionDefinitionManager
{
    private readonly Dictionary<string, PermissionDefinition> _byName;

    public PermissionDefinitionManager(IEnumerable<PermissionDefinitionProvider> providers)
    {
        var context = new PermissionDefinitionContext();
        foreach (var provider in providers) provider.Define(context);
        Groups = context.Groups;
        _byName = [];
        foreach (var permission in Groups.SelectMany(g => g.Permissions).SelectMany(Flatten))
        {
            if (!_byName.TryAdd(permission.Name, permission))
                throw new InvalidOperationException($"Permission '{permission.Name}' is defined twice.");
        }
    }

    public IReadOnlyList<PermissionGroupDefinition> Groups { get; }
    /// <summary>Module names editions can enable.</summary>
    public IReadOnlyList<string> Modules => Groups.Select(g => g.Module).OfType<string>().Distinct().Order().ToList();
    public IEnumerable<PermissionDefinition> All => _byName.Values;
    public PermissionDefinition? Find(string name) => _byName.GetValueOrDefault(name);

    public static bool IsAvailableOn(PermissionDefinition permission, Guid? tenantId) =>
        permission.Side.HasFlag(tenantId is null ? MultiTenancySides.Host : MultiTenancySides.Tenant);

    private static IEnumerable<PermissionDefinition> Flatten(PermissionDefinition p) => p.Children.SelectMany(Flatten).Prepend(p);
}
