using MallPortal.Core.Data;

namespace MallPortal.Hosting;

/// <summary>
/// Reads <c>Database:Provider</c>, <c>ConnectionStrings:Mall</c> and <c>Data:Folder</c>. Without a
/// connection string the SQLite database is a file in the data folder (created on first start).
/// </summary>
public static class DatabaseSettings
{
    public static (DatabaseProvider Provider, string ConnectionString) Resolve(IConfiguration config, string dataFolder)
    {
        var provider = config.GetValue("Database:Provider", DatabaseProvider.Sqlite);
        var connectionString = config.GetConnectionString("Mall");
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            return (provider, connectionString);
        }
        if (provider == DatabaseProvider.Postgres)
        {
            throw new InvalidOperationException("Database:Provider is Postgres: set ConnectionStrings:Mall.");
        }
        Directory.CreateDirectory(dataFolder);
        return (provider, $"Data Source={Path.Combine(dataFolder, "mallportal.db")}");
    }

    /// <summary><c>Data:Folder</c>, relative to the content root; default App_Data.</summary>
    public static string DataFolder(IConfiguration config, IWebHostEnvironment env) =>
        Path.GetFullPath(config.GetValue("Data:Folder", "App_Data")!, env.ContentRootPath);
}
