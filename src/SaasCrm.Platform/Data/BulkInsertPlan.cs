using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using SaasCrm.Platform.Domain;

namespace SaasCrm.Platform.Data;

/// <summary>
/// How <see cref="BulkInsert"/> writes one entity type, read once per model from EF's metadata: table and column names,
/// each column's type mapping and accessor, and how many rows fit one statement under the provider's parameter limit.
/// </summary>
internal sealed class BulkInsertPlan
{
    public const int MaxRowsPerStatement = 1000;
    private static readonly ConditionalWeakTable<IEntityType, BulkInsertPlan> Plans = new();

    public required IEntityType EntityType { get; init; }
    public required string InsertPrefix { get; init; }
    public required IReadOnlyList<BulkInsertColumn> Columns { get; init; }
    /// <summary>
    /// Parameters per statement. SQLite allows 32,766 but looks each named parameter up by a linear scan when binding,
    /// so statements stay small there; MySQL/MariaDB allow 65,535 and substitute them client-side.
    /// </summary>
    public required int MaxParameters { get; init; }
    private IProperty? TenantProperty { get; init; }
    private string[] Names { get; init; } = [];
    private string[] Placeholders { get; init; } = [];

    public string ParameterName(int index) => Names[index];
    public string Placeholder(int index) => Placeholders[index];

    /// <summary>Through the backing field EF itself writes (TenantId has no public setter).</summary>
    public void SetTenant(object entity, Guid? tenantId)
    {
        if (TenantProperty!.FieldInfo is { } field) field.SetValue(entity, tenantId);
        else TenantProperty.PropertyInfo!.SetValue(entity, tenantId);
    }

    public static BulkInsertPlan For(DbContext db, Type clrType)
    {
        var entityType = db.Model.FindEntityType(clrType) ?? throw new NotSupportedException($"{clrType.Name} is not mapped.");
        return Plans.GetValue(entityType, t => Build(db, t));
    }

    private static BulkInsertPlan Build(DbContext db, IEntityType entityType)
    {
        if (entityType.IsOwned() || entityType.GetNavigations().Any(n => n.TargetEntityType.IsOwned()) || entityType.GetComplexProperties().Any())
            throw new NotSupportedException($"{entityType.ClrType.Name}: owned and complex types are not written by the bulk insert.");
        var table = entityType.GetTableName() ?? throw new NotSupportedException($"{entityType.ClrType.Name} is not mapped to a table.");
        var store = StoreObjectIdentifier.Table(table, entityType.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();

        var columns = new List<BulkInsertColumn>();
        foreach (var property in entityType.GetProperties())
        {
            if (IsStoreGenerated(property)) continue;
            if (property.GetDefaultValueSql() is not null || property.TryGetDefaultValue(out _))
                throw new NotSupportedException($"{entityType.ClrType.Name}.{property.Name}: columns with database defaults are not written by the bulk insert.");
            var column = property.GetColumnName(store)
                ?? throw new NotSupportedException($"{entityType.ClrType.Name}.{property.Name} is not mapped to {table} (split or TPT/TPC mapping).");
            Func<object, object?> read;
            if (property == entityType.FindDiscriminatorProperty())
            {
                var discriminator = entityType.GetDiscriminatorValue();
                read = _ => discriminator;
            }
            else if (property.IsShadowProperty())
                throw new NotSupportedException($"{entityType.ClrType.Name}.{property.Name} is a shadow property; the bulk insert writes only what the object holds.");
            else
            {
                var getter = property.GetGetter();
                read = getter.GetClrValueUsingContainingEntity;
            }
            columns.Add(new BulkInsertColumn(sql.DelimitIdentifier(column), property.GetRelationalTypeMapping(), property.IsNullable, read));
        }

        var maxParameters = db.Database.ProviderName == "Microsoft.EntityFrameworkCore.Sqlite" ? 999 : 30_000;
        // MySqlConnector writes the values into the statement itself; "?" parameters it takes by position, where named
        // ones are normalised, indexed and looked up again while it parses (most of its remaining CPU, profiled).
        var positional = db.Database.ProviderName == "Pomelo.EntityFrameworkCore.MySql";
        var slots = Math.Min(maxParameters, columns.Count * MaxRowsPerStatement);
        var names = new string[Math.Max(slots, columns.Count)];
        var placeholders = new string[names.Length];
        for (var i = 0; i < names.Length; i++)
        {
            names[i] = positional ? "" : sql.GenerateParameterName("p" + i);
            placeholders[i] = positional ? "?" : sql.GenerateParameterNamePlaceholder("p" + i);
        }
        return new BulkInsertPlan
        {
            EntityType = entityType,
            InsertPrefix = $"INSERT INTO {sql.DelimitIdentifier(table, entityType.GetSchema())} ({string.Join(", ", columns.Select(c => c.Sql))}) VALUES ",
            Columns = columns,
            MaxParameters = maxParameters,
            TenantProperty = typeof(IMultiTenant).IsAssignableFrom(entityType.ClrType) ? entityType.FindProperty(nameof(IMultiTenant.TenantId)) : null,
            Names = names,
            Placeholders = placeholders,
        };
    }

    /// <summary>Identity keys and computed columns: the database assigns them (a search operation's Sequence).</summary>
    private static bool IsStoreGenerated(IProperty property) =>
        property.GetComputedColumnSql() is not null
        || (property.ValueGenerated != ValueGenerated.Never && property.IsPrimaryKey()
            && Type.GetTypeCode(Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType) is TypeCode.Int16 or TypeCode.Int32 or TypeCode.Int64);
}

internal sealed record BulkInsertColumn(string Sql, RelationalTypeMapping Mapping, bool Nullable, Func<object, object?> Read)
{
    /// <summary>The value as the mapping hands it to the provider: through its converter, enums without one as their number.</summary>
    public object? ToProvider(object? value) => Mapping.Converter is { } converter
        ? converter.ConvertToProvider(value)
        : value is Enum e ? Convert.ChangeType(e, Enum.GetUnderlyingType(e.GetType()), System.Globalization.CultureInfo.InvariantCulture) : value;
}
