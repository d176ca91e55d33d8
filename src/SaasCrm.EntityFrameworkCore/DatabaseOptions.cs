namespace SaasCrm.EntityFrameworkCore;

public enum DatabaseProvider { Sqlite, MySql }

public sealed class DatabaseOptions
{
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;
    /// <summary>The shared database (host tables and every tenant without a database of its own).</summary>
    public string ConnectionString { get; set; } = "Data Source=App_Data/saascrm.db";
    /// <summary>MariaDB/MySQL server version the SQL is generated for (no detection at start-up).</summary>
    public string ServerVersion { get; set; } = "10.11.0-mariadb";
}
