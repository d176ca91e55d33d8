using System.Text.Json;
using SaasCrm.Customers.Domain;

namespace SaasCrm.Customers.Import;

public enum RowStatus { Valid, Error, Duplicate }

/// <summary>One problem of a row: the target field (or column), a stable code and a message.</summary>
/// <param name="Value">The cell value at fault, when there is one: the screen shows it next to the message in the user's language.</param>
public sealed record RowError(string Field, string Code, string Message, string? Value = null);

public sealed class ParsedCustomer
{
    public string Name { get; set; } = "";
    public string NormalizedName { get; set; } = "";
    public CustomerKind Kind { get; set; }
    public string? LevelCode { get; set; }
    public string? SourceCode { get; set; }
    public string? IndustryCode { get; set; }
    public List<string> Phones { get; } = [];
    public List<string> Emails { get; } = [];
    public List<string> Tags { get; } = [];
    public string? Province { get; set; }
    public string? City { get; set; }
    public string? District { get; set; }
    public string? Address { get; set; }
    public string? Website { get; set; }
    public string? Remark { get; set; }
    public Guid? OwnerId { get; set; }
    public Dictionary<string, JsonElement> CustomFields { get; } = [];
}

public sealed record ParsedContact(string Name, string? Mobile, string? Email, string? Title);

public sealed class ImportRow(int index, string?[] cells)
{
    public int Index { get; } = index;
    /// <summary>Row number in the file, headers being row 1.</summary>
    public int Number => SheetData.RowNumber(Index);
    public string?[] Cells { get; } = cells;
    public RowStatus Status { get; set; }
    public List<RowError> Errors { get; } = [];
    public ParsedCustomer Customer { get; } = new();
    public ParsedContact? Contact { get; set; }
    public Guid? DuplicateOfCustomerId { get; set; }
    public string? DuplicateOfName { get; set; }
    public int? DuplicateOfRow { get; set; }

    public void Fail(string field, string code, string message, string? value = null)
    {
        Status = RowStatus.Error;
        Errors.Add(new RowError(field, code, message, value));
    }

    public void Duplicate(string field, string message)
    {
        Status = RowStatus.Duplicate;
        Errors.Add(new RowError(field, "import.duplicate", message));
    }
}

/// <summary>A customer to create: taken from the first valid row with its name, plus the contacts of all its rows.</summary>
public sealed class ImportGroup(ImportRow first)
{
    public ImportRow First { get; } = first;
    public List<ImportRow> Rows { get; } = [first];
    public ParsedCustomer Customer => First.Customer;
    public IEnumerable<ParsedContact> Contacts => Rows.Where(r => r.Contact is not null).Select(r => r.Contact!);
}

/// <summary>What a dry run found and a commit writes.</summary>
public sealed class ImportPlan(SheetData sheet, IReadOnlyList<ImportRow> rows, IReadOnlyList<ImportGroup> groups)
{
    public SheetData Sheet { get; } = sheet;
    public IReadOnlyList<ImportRow> Rows { get; } = rows;
    /// <summary>Customers to create, valid and not duplicates, in file order.</summary>
    public IReadOnlyList<ImportGroup> Groups { get; } = groups;
    public int ErrorRows => Rows.Count(r => r.Status == RowStatus.Error);
    public int DuplicateRows => Rows.Count(r => r.Status == RowStatus.Duplicate);
    public int ValidRows => Rows.Count(r => r.Status == RowStatus.Valid);
}
