namespace MallPortal.Tests.Support;

/// <summary>Needs what .ci/run starts for scale-out (Redis, an S3-compatible server, or two app instances); skipped with a reason locally when absent, never skipped in CI.</summary>
public sealed class ScaleOutFactAttribute : FactAttribute
{
    public ScaleOutFactAttribute(string needs)
    {
        var present = needs switch
        {
            "redis" => TestEnvironment.RedisConnectionString is not null,
            "s3" => TestEnvironment.S3ServiceUrl is not null,
            "instances" => TestEnvironment.TwoInstances is not null && TestEnvironment.HasChromium,
            _ => throw new ArgumentException($"Unknown need {needs}", nameof(needs)),
        };
        if (!present && !TestEnvironment.IsCi)
        {
            Skip = needs switch
            {
                "redis" => "MALLPORTAL_TEST_REDIS is not set; .ci/run starts redis-server and sets it.",
                "s3" => "MALLPORTAL_TEST_S3 is not set; .ci/run starts npm's s3rver and sets it.",
                _ => "MALLPORTAL_TEST_INSTANCES / MALLPORTAL_TEST_INSTANCES_DB are not set (or Chromium is missing); .ci/run starts two app instances on PostgreSQL + Redis.",
            };
        }
    }
}
