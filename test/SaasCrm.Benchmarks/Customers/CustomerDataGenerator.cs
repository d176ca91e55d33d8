using System.Globalization;
using System.Text;
using System.Text.Json;
using Bogus;
using MySqlConnector;

namespace SaasCrm.Benchmarks.Customers;

/// <summary>
/// Writes generated customers (with their lookup keys), contacts and follow-ups straight into the product's tables on
/// MariaDB with multi-row INSERTs, bypassing the API (millions of rows through HTTP would take hours). Columns are read
/// from information_schema, so every NOT NULL column the model adds later gets a neutral value instead of breaking the load.
/// </summary>
public sealed class CustomerDataGenerator(string connectionString, DateTime now)
{
    private const int RowsPerInsert = 1000;
    private static readonly string[] Levels = ["a", "b", "c"];
    private static readonly string[] Tags = ["vip", "重点", "渠道", "老客户", "展会", "官网", "转介绍", "待激活"];
    private static readonly string[] ZhSuffix = ["科技有限公司", "贸易有限公司", "集团", "网络科技有限公司", "电子有限公司", "咨询有限公司"];
    private static readonly string[] ZhCity = ["深圳", "北京", "上海", "广州", "杭州", "成都", "南京", "武汉"];
    private Dictionary<string, Dictionary<string, (bool Nullable, string Type)>> _columns = [];

    public sealed record Counts(int Customers, int Contacts, int FollowUps, int Keys);

    /// <summary>
    /// Customers owned round-robin by <paramref name="owners"/>, two contacts and three follow-ups each on average.
    /// Every tenth customer is level C without a follow-up for 60+ days (the pool release candidates).
    /// </summary>
    public async Task<Counts> GenerateAsync(Guid tenantId, IReadOnlyList<Guid> owners, int customers, int seed, Action<string>? progress = null, int? firstOwnerCount = null)
    {
        await using var connection = new MySqlConnection(connectionString);
        await connection.OpenAsync();
        if (_columns.Count == 0) _columns = await ColumnsAsync(connection);
        var zh = new Faker("zh_CN") { Random = new Randomizer(seed) };
        var en = new Faker("en") { Random = new Randomizer(seed + 1) };
        var random = new Random(seed);
        int contacts = 0, followUps = 0, keys = 0;
        var customerRows = new List<Dictionary<string, object?>>(RowsPerInsert);
        var contactRows = new List<Dictionary<string, object?>>();
        var followUpRows = new List<Dictionary<string, object?>>();
        var keyRows = new List<Dictionary<string, object?>>();
        for (var i = 0; i < customers; i++)
        {
            var chinese = i % 2 == 0;
            var f = chinese ? zh : en;
            var name = chinese
                ? (i % 4 == 0 ? f.Name.LastName() + f.Name.FirstName() : f.PickRandom(ZhCity) + f.Name.LastName() + f.Name.FirstName() + f.PickRandom(ZhSuffix)) + i
                : f.Company.CompanyName() + " " + i;
            var phone = $"1{3 + i % 7}{i:D9}";
            var email = $"c{i}.{seed}@{(chinese ? "example.cn" : "example.com")}";
            var tags = Enumerable.Range(0, random.Next(0, 3)).Select(_ => Tags[random.Next(Tags.Length)]).Distinct().ToList();
            var id = Guid.CreateVersion7();
            // With firstOwnerCount, the first owner gets exactly that many customers (a handover of a known size).
            var owner = firstOwnerCount is { } first && owners.Count > 1 ? (i < first ? owners[0] : owners[1 + i % (owners.Count - 1)]) : owners[i % owners.Count];
            var releasable = i % 10 == 9;
            var level = releasable ? "c" : Levels[random.Next(2)];
            var created = now.AddDays(-random.Next(90, 1000)).AddSeconds(-random.Next(86_400));
            DateTime? lastFollowUp = releasable ? now.AddDays(-random.Next(60, 200)) : now.AddDays(-random.Next(0, 25));
            customerRows.Add(new()
            {
                ["Id"] = id, ["TenantId"] = tenantId, ["Kind"] = i % 4 == 0 ? "Person" : "Company", ["Name"] = name,
                ["NormalizedName"] = Normalize(name), ["LevelCode"] = level, ["SourceCode"] = null, ["Province"] = chinese ? "广东" : null,
                ["City"] = chinese ? f.PickRandom(ZhCity) : f.Address.City(), ["Phones"] = JsonSerializer.Serialize(new[] { phone }),
                ["Emails"] = JsonSerializer.Serialize(new[] { email }), ["Tags"] = JsonSerializer.Serialize(tags), ["Remark"] = chinese ? "年度重点跟进" : f.Company.CatchPhrase(),
                ["OwnerId"] = owner, ["OwnedSince"] = created, ["IsLocked"] = false, ["LastFollowUpAt"] = lastFollowUp,
                ["NextFollowUpAt"] = releasable ? null : now.AddDays(random.Next(1, 30)), ["Status"] = "Active", ["IsDeleted"] = false,
                ["ConcurrencyStamp"] = Guid.NewGuid().ToString("N"), ["CreatedAt"] = created, ["CreatedBy"] = owner,
            });
            keyRows.Add(Key(tenantId, id, "Name", Normalize(name)));
            keyRows.Add(Key(tenantId, id, "Phone", phone));
            keyRows.Add(Key(tenantId, id, "Email", email));
            keyRows.AddRange(tags.Select(t => Key(tenantId, id, "Tag", t)));
            var contactCount = 1 + (i % 3 == 0 ? 0 : i % 3 == 1 ? 1 : 2); // 1, 2, 3: two on average
            var contactIds = new List<Guid>();
            for (var c = 0; c < contactCount; c++)
            {
                var contactId = Guid.CreateVersion7();
                contactIds.Add(contactId);
                contactRows.Add(new()
                {
                    ["Id"] = contactId, ["TenantId"] = tenantId, ["CustomerId"] = id, ["Name"] = chinese ? f.Name.LastName() + f.Name.FirstName() : f.Name.FullName(),
                    ["Mobile"] = $"15{c}{i:D8}", ["Email"] = $"p{c}.{i}.{seed}@example.com", ["Title"] = chinese ? "经理" : "Manager", ["IsPrimary"] = c == 0,
                    ["IsDeleted"] = false, ["ConcurrencyStamp"] = Guid.NewGuid().ToString("N"), ["CreatedAt"] = created, ["CreatedBy"] = owner,
                });
            }
            var followUpCount = 1 + i % 5; // 1..5: three on average
            for (var k = 0; k < followUpCount; k++)
            {
                var at = (lastFollowUp ?? now).AddDays(-k * 7);
                followUpRows.Add(new()
                {
                    ["Id"] = Guid.CreateVersion7(), ["TenantId"] = tenantId, ["CustomerId"] = id, ["ContactId"] = contactIds[k % contactIds.Count], ["OwnerId"] = owner,
                    ["MethodCode"] = k % 2 == 0 ? "phone" : "visit", ["Content"] = chinese ? "电话沟通需求，客户考虑下季度采购" : "Called about renewal; follow up next month",
                    ["At"] = at, ["IsDeleted"] = false, ["ConcurrencyStamp"] = Guid.NewGuid().ToString("N"), ["CreatedAt"] = at, ["CreatedBy"] = owner,
                });
            }
            contacts += contactCount;
            followUps += followUpCount;
            if (customerRows.Count == RowsPerInsert)
            {
                keys += keyRows.Count;
                await FlushAsync(connection, customerRows, contactRows, followUpRows, keyRows);
                if ((i + 1) % 50_000 == 0) progress?.Invoke($"  {i + 1:N0} customers written");
            }
        }
        keys += keyRows.Count;
        await FlushAsync(connection, customerRows, contactRows, followUpRows, keyRows);
        return new Counts(customers, contacts, followUps, keys);
    }

    private static Dictionary<string, object?> Key(Guid tenantId, Guid customerId, string kind, string value) =>
        new() { ["Id"] = Guid.CreateVersion7(), ["TenantId"] = tenantId, ["CustomerId"] = customerId, ["Kind"] = kind, ["Value"] = value };

    private static string Normalize(string name) => SaasCrm.Customers.Records.CustomerNormalizer.Name(name);

    private async Task FlushAsync(MySqlConnection connection, params List<Dictionary<string, object?>>[] tables)
    {
        string[] names = ["Customers", "Contacts", "FollowUps", "CustomerKeys"];
        await using var transaction = await connection.BeginTransactionAsync();
        for (var t = 0; t < tables.Length; t++)
        {
            foreach (var chunk in tables[t].Chunk(RowsPerInsert)) await InsertAsync(connection, transaction, names[t], chunk);
            tables[t].Clear();
        }
        await transaction.CommitAsync();
    }

    private async Task InsertAsync(MySqlConnection connection, MySqlTransaction transaction, string table, IReadOnlyList<Dictionary<string, object?>> rows)
    {
        var columns = _columns[table];
        var names = columns.Keys.ToList();
        var sql = new StringBuilder($"INSERT INTO `{table}` (").AppendJoin(',', names.Select(n => $"`{n}`")).Append(") VALUES ");
        for (var r = 0; r < rows.Count; r++)
        {
            if (r > 0) sql.Append(',');
            sql.Append('(');
            for (var c = 0; c < names.Count; c++)
            {
                if (c > 0) sql.Append(',');
                var value = rows[r].TryGetValue(names[c], out var v) ? v : Neutral(columns[names[c]]);
                sql.Append(Literal(value));
            }
            sql.Append(')');
        }
        await using var command = new MySqlCommand(sql.ToString(), connection, transaction) { CommandTimeout = 600 };
        await command.ExecuteNonQueryAsync();
    }

    private static object? Neutral((bool Nullable, string Type) column) =>
        column.Nullable ? null : column.Type switch
        {
            "tinyint" or "int" or "bigint" or "smallint" or "decimal" or "double" or "float" => 0,
            "datetime" or "date" or "timestamp" => DateTime.UnixEpoch,
            _ => "",
        };

    private static string Literal(object? value) => value switch
    {
        null => "NULL",
        bool b => b ? "1" : "0",
        Guid g => $"'{g}'",
        DateTime d => $"'{d.ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture)}'",
        int or long or double or decimal => Convert.ToString(value, CultureInfo.InvariantCulture)!,
        string s => "'" + MySqlHelper.EscapeString(s) + "'",
        _ => throw new ArgumentException($"Cannot write {value.GetType()}"),
    };

    private static async Task<Dictionary<string, Dictionary<string, (bool, string)>>> ColumnsAsync(MySqlConnection connection)
    {
        var result = new Dictionary<string, Dictionary<string, (bool, string)>>();
        await using var command = new MySqlCommand(
            "SELECT TABLE_NAME, COLUMN_NAME, IS_NULLABLE, DATA_TYPE FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() " +
            "AND TABLE_NAME IN ('Customers','Contacts','FollowUps','CustomerKeys') ORDER BY ORDINAL_POSITION", connection);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var table = reader.GetString(0);
            if (!result.TryGetValue(table, out var columns)) result[table] = columns = [];
            columns[reader.GetString(1)] = (reader.GetString(2) == "YES", reader.GetString(3));
        }
        return result;
    }
}
