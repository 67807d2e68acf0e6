using MallPortal.Core.Distribution;

namespace MallPortal.Tests.Support;

/// <summary>Needs a CJK font (posters): skipped with a reason when none is installed locally; never skipped in CI.</summary>
public sealed class ChineseFontFactAttribute : FactAttribute
{
    public ChineseFontFactAttribute()
    {
        if (!new PosterRenderer(null).HasChineseFont && !TestEnvironment.IsCi)
        {
            Skip = "No CJK font is installed (apt-get install -y fonts-noto-cjk); .ci/run installs it.";
        }
    }
}
