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
}
