namespace MallPortal.Tests.Support;

/// <summary>Needs PostgreSQL: skipped with a reason when MALLPORTAL_TEST_POSTGRES is unset locally; never skipped in CI.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (TestEnvironment.PostgresConnectionString is null && !TestEnvironment.IsCi)
        {
            Skip = "MALLPORTAL_TEST_POSTGRES is not set; .ci/run starts a private PostgreSQL and sets it.";
        }
    }
}
