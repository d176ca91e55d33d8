namespace SaasCrm.Platform.Permissions;

[Flags]
public enum MultiTenancySides
{
    Host = 1,
    Tenant = 2,
    Both = Host | Tenant,
}

/// <summary>A display text in the two UI languages.</summary>
public sealed record LocalizedText(string En, string Zh);

public sealed class PermissionGroupDefinition(string name, LocalizedText displayName, string? module)
{
    private readonly List<PermissionDefinition> _permissions = [];
    public string Name { get; } = name;
    public LocalizedText DisplayName { get; } = displayName;
    /// <summary>The module an edition must enable for these permissions to be granted; null: always available.</summary>
    public string? Module { get; } = module;
    public IReadOnlyList<PermissionDefinition> Permissions => _permissions;

    public PermissionDefinition Add(string name, LocalizedText displayName, MultiTenancySides side = MultiTenancySides.Tenant, params string[] defaultRoles)
    {
        var permission = new PermissionDefinition(name, displayName, side, null, defaultRoles, Module);
        _permissions.Add(permission);
        return permission;
    }
}

/// <summary>A permission declared in code. Children are finer grants below it (e.g. Users → Users.Create).</summary>
public sealed class PermissionDefinition(string name, LocalizedText displayName, MultiTenancySides side, PermissionDefinition? parent, IReadOnlyList<string> defaultRoles, string? module)
{
    public string? Module { get; } = module;
    private readonly List<PermissionDefinition> _children = [];
    public string Name { get; } = name;
    public LocalizedText DisplayName { get; } = displayName;
    public MultiTenancySides Side { get; } = side;
    public PermissionDefinition? Parent { get; } = parent;
    /// <summary>Seeded roles (by name) that receive this permission in every tenant.</summary>
    public IReadOnlyList<string> DefaultRoles { get; } = defaultRoles;
    public IReadOnlyList<PermissionDefinition> Children => _children;

    public PermissionDefinition AddChild(string name, LocalizedText displayName, params string[] defaultRoles)
    {
        var child = new PermissionDefinition(name, displayName, Side, this, defaultRoles, Module);
        _children.Add(child);
        return child;
    }
}

/// <summary>Each module declares its permissions in one provider.</summary>
public abstract class PermissionDefinitionProvider
{
    public abstract void Define(PermissionDefinitionContext context);
}

public sealed class PermissionDefinitionContext
{
    private readonly List<PermissionGroupDefinition> _groups = [];
    public IReadOnlyList<PermissionGroupDefinition> Groups => _groups;

    /// <param name="module">Set for a product module an edition can switch off (e.g. "Customers").</param>
    public PermissionGroupDefinition AddGroup(string name, LocalizedText displayName, string? module = null)
    {
        if (_groups.Any(g => g.Name == name)) throw new InvalidOperationException($"Permission group '{name}' is defined twice.");
        var group = new PermissionGroupDefinition(name, displayName, module);
        _groups.Add(group);
        return group;
    }
}
