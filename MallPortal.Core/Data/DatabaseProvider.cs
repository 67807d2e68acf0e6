namespace MallPortal.Core.Data;

/// <summary>Which database MallPortal runs on (<c>Database:Provider</c>).</summary>
public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}
