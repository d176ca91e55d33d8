using SaasCrm.Platform.Permissions;

namespace SaasCrm.Platform.CustomFields;

/// <summary>Record types that accept custom fields; each module registers its own.</summary>
public sealed class CustomFieldEntityTypes
{
    private readonly List<CustomFieldEntityType> _types = [];
    public IReadOnlyList<CustomFieldEntityType> All => _types;
    public void Add(CustomFieldEntityType type) => _types.Add(type);
    public bool Contains(string name) => _types.Any(t => t.Name == name);
}

public sealed record CustomFieldEntityType(string Name, LocalizedText DisplayName);
