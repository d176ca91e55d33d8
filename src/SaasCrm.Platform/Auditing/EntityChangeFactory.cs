using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using SaasCrm.Platform.Data;
using SaasCrm.Platform.Domain;
using SaasCrm.Platform.Security;

namespace SaasCrm.Platform.Auditing;

/// <summary>Builds the field-by-field record of one change (P9): who, when, property, old and new value.</summary>
internal static class EntityChangeFactory
{
    private const int MaxValueLength = 2000;
    private static readonly HashSet<string> Skipped = [nameof(IMultiTenant.TenantId), nameof(ISoftDelete.IsDeleted), nameof(Entity.Id)];
    /// <summary>Whether a property is logged, per model property: reflection on every save of every entity is too slow for bulk work.</summary>
    private static readonly ConcurrentDictionary<IProperty, bool> Logged = new();

    /// <param name="briefly">For a creation inside <see cref="BriefCreateLog"/>: the only properties to record.</param>
    public static EntityChange? Create(EntityEntry entry, EntityChangeType type, DateTime now, ICurrentUser user, IReadOnlySet<string>? briefly = null)
    {
        // An added entry's logged values are its object's own (shadow properties are never logged): one way for tracked and bulk inserts.
        if (type == EntityChangeType.Created) return Created(entry.Metadata, entry.Entity, now, user, briefly);
        var properties = new List<EntityPropertyChange>();
        foreach (var property in entry.Properties)
        {
            if (type == EntityChangeType.Deleted || !property.IsModified || !IsLogged(property.Metadata)) continue; // a deletion records no values
            var (oldValue, newValue) = (Format(property.OriginalValue), Format(property.CurrentValue));
            if (oldValue == newValue) continue;
            properties.Add(new EntityPropertyChange { PropertyName = property.Metadata.Name, OldValue = oldValue, NewValue = newValue });
        }
        if (type == EntityChangeType.Updated && properties.Count == 0) return null;

        var key = string.Join(",", entry.Metadata.FindPrimaryKey()!.Properties.Select(p => Format(entry.Property(p.Name).CurrentValue)));
        return Build(entry.Metadata, key, type, now, user, properties);
    }

    /// <summary>
    /// The "Created" entry of a new entity written without the change tracker (bulk insert): the same properties, values
    /// and brief form as <see cref="Create"/> gives an added entry, read from the entity through the model's accessors.
    /// </summary>
    public static EntityChange Created(IEntityType entityType, object entity, DateTime now, ICurrentUser user, IReadOnlySet<string>? briefly = null)
    {
        var properties = new List<EntityPropertyChange>();
        if (briefly is not null)
        {
            foreach (var name in briefly)
            {
                if (entityType.FindProperty(name) is not { } found || found.IsShadowProperty() || Format(ValueOf(found, entity)) is not { } value) continue;
                properties.Add(new EntityPropertyChange { PropertyName = name, NewValue = value });
            }
        }
        else foreach (var property in entityType.GetProperties())
        {
            if (!IsLogged(property) || Format(ValueOf(property, entity)) is not { } value) continue;
            properties.Add(new EntityPropertyChange { PropertyName = property.Name, NewValue = value });
        }
        var key = string.Join(",", entityType.FindPrimaryKey()!.Properties.Select(p => Format(ValueOf(p, entity))));
        return Build(entityType, key, EntityChangeType.Created, now, user, properties);
    }

    private static object? ValueOf(IProperty property, object entity) => property.GetGetter().GetClrValueUsingContainingEntity(entity);

    private static EntityChange Build(IEntityType entityType, string entityId, EntityChangeType type, DateTime now, ICurrentUser user, List<EntityPropertyChange> properties)
    {
        var change = new EntityChange
        {
            EntityType = entityType.ClrType.Name,
            EntityId = entityId,
            ChangeType = type,
            ChangedAt = now,
            UserId = user.Id,
            UserName = user.UserName,
            PropertyChanges = properties,
        };
        foreach (var p in properties) p.EntityChangeId = change.Id;
        return change;
    }

    private static bool IsLogged(IProperty property) => Logged.GetOrAdd(property, static p => IsLoggedUncached(p));

    private static bool IsLoggedUncached(IProperty property) =>
        !property.IsShadowProperty()
        && !Skipped.Contains(property.Name)
        && property.FindAnnotation(ChangeLogAnnotations.NotLogged) is null
        && property.PropertyInfo?.GetCustomAttribute<NotLoggedAttribute>() is null;

    private static string? Format(object? value)
    {
        var text = value switch
        {
            null => null,
            string s => s,
            IEnumerable<string> list => string.Join(", ", list),
            DateTime d => d.ToString("O", CultureInfo.InvariantCulture),
            DateTimeOffset d => d.ToString("O", CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString(),
        };
        return text is { Length: > MaxValueLength } ? text[..MaxValueLength] : text;
    }
}
