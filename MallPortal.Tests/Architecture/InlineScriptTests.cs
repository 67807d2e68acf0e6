using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

namespace MallPortal.Tests.Architecture;

/// <summary>Decision 0021: the Content-Security-Policy allows no inline script, so no page or endpoint of ours writes one.</summary>
public partial class InlineScriptTests
{
    [Fact]
    public void No_markup_the_app_writes_has_an_inline_script_or_an_inline_event_handler()
    {
        var sources = Directory.GetFiles(Path.Combine(Root(), "MallPortal"), "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".razor", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .ToList();

        var found = sources.SelectMany(f => File.ReadLines(f).Select((line, i) => (File: Path.GetFileName(f), Line: i + 1, Text: line)))
            .Where(l => InlineScript().IsMatch(l.Text) || InlineHandler().IsMatch(l.Text))
            .Select(l => $"{l.File}:{l.Line}: {l.Text.Trim()}")
            .ToList();

        Assert.True(sources.Count > 100);
        Assert.Empty(found);
    }

    private static string Root([CallerFilePath] string path = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, "..", ".."));

    // <script> without a src; Blazor's @onclick and components' OnClick parameters are not HTML attributes, so only a bare
    // lower-case on...=" counts as a handler.
    [GeneratedRegex("<script(?![^>]*\\bsrc=)[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();

    [GeneratedRegex("\\son[a-z]+=\\\\?[\"']")]
    private static partial Regex InlineHandler();
}
