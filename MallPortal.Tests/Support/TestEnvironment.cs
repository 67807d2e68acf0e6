namespace MallPortal.Tests.Support;

/// <summary>
/// What the machine offers the tests. Locally a missing PostgreSQL or Chromium skips those tests
/// with a reason; in CI (CI=true) .ci/run provides both and their absence fails the run.
/// </summary>
public static class TestEnvironment
{
    public const string ChromiumPath = "/usr/bin/chromium";

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Connection string of a PostgreSQL server the tests may create databases on.</summary>
    public static string? PostgresConnectionString =>
        Environment.GetEnvironmentVariable("MALLPORTAL_TEST_POSTGRES") is { Length: > 0 } cs ? cs : null;

    public static bool HasChromium => File.Exists(ChromiumPath);

    /// <summary>A Redis server the tests may publish on (.ci/run starts one).</summary>
    public static string? RedisConnectionString =>
        Environment.GetEnvironmentVariable("MALLPORTAL_TEST_REDIS") is { Length: > 0 } cs ? cs : null;

    /// <summary>An S3-compatible server's address with a bucket named mallportal-test (.ci/run starts npm's s3rver).</summary>
    public static string? S3ServiceUrl =>
        Environment.GetEnvironmentVariable("MALLPORTAL_TEST_S3") is { Length: > 0 } url ? url : null;

    /// <summary>
    /// Two app instances started by .ci/run on one PostgreSQL database with Redis and S3 storage: their addresses, and
    /// the database's connection string.
    /// </summary>
    public static (string A, string B, string Database)? TwoInstances =>
        Environment.GetEnvironmentVariable("MALLPORTAL_TEST_INSTANCES")?.Split(' ', StringSplitOptions.RemoveEmptyEntries) is [var a, var b]
        && Environment.GetEnvironmentVariable("MALLPORTAL_TEST_INSTANCES_DB") is { Length: > 0 } db
            ? (a, b, db)
            : null;
}
