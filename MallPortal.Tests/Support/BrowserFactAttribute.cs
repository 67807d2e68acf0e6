namespace MallPortal.Tests.Support;

/// <summary>A browser journey: skipped with a reason when Chromium is absent locally; never skipped in CI.</summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (!TestEnvironment.HasChromium && !TestEnvironment.IsCi)
        {
            Skip = $"Chromium is not installed at {TestEnvironment.ChromiumPath} (apt-get install -y chromium); .ci/run installs it.";
        }
    }
}
