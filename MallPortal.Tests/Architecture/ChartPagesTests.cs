using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

namespace MallPortal.Tests.Architecture;

/// <summary>Decision 0021: exactly the pages that draw charts (through any component, at any depth) carry [DrawsCharts].</summary>
public class ChartPagesTests
{
    [Fact]
    public void Every_page_that_draws_a_chart_and_no_other_allows_the_chart_library()
    {
        var components = Directory.GetFiles(Path.Combine(Root(), "MallPortal"), "*.razor", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .Select(f => (Name: Path.GetFileNameWithoutExtension(f), Path: f, Text: File.ReadAllText(f)))
            .ToList();
        // Names of the components (not pages: several pages share a file name) that draw, directly or through others.
        var parts = components.Where(c => !c.Text.Contains("@page \"")).ToList();
        var drawing = new HashSet<string> { "ChartHost" };
        for (var grew = true; grew;)
        {
            var users = parts.Where(c => !drawing.Contains(c.Name) && Uses(c.Text, drawing)).ToList();
            drawing.UnionWith(users.Select(c => c.Name));
            grew = users.Count > 0;
        }

        var chartPages = components.Except(parts).Where(c => Uses(c.Text, drawing)).Select(c => c.Path).Order().ToList();
        var marked = components.Where(c => c.Text.Contains("@attribute [DrawsCharts]")).Select(c => c.Path).Order().ToList();

        Assert.True(chartPages.Count >= 5, string.Join(", ", chartPages));
        Assert.Equal(chartPages, marked);
    }

    private static bool Uses(string markup, IEnumerable<string> components) =>
        components.Any(d => Regex.IsMatch(markup, $"<{d}[\\s/>]"));

    private static string Root([CallerFilePath] string path = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, "..", ".."));
}
