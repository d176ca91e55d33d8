namespace SaasCrm.Platform.Data;

/// <summary>Where the node keeps local files (SQLite database, generated signing key, later search indexes).</summary>
public sealed class DataFolderOptions
{
    public string Path { get; set; } = "App_Data";
}
