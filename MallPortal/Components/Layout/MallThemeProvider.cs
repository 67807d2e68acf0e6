using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace MallPortal.Components.Layout;

/// <summary>
/// MudThemeProvider's output for the shop's theme (its scrollbar, chart and theme stylesheets, about 12,000 characters;
/// light only, the shop has no dark mode), built once for the whole app. The layout renders it as markup, so a circuit
/// keeps neither a theme provider component nor the <see cref="MudTheme"/> a MudThemeProvider creates for itself
/// (issue 15 item 3).
/// </summary>
public sealed class MallThemeProvider : MudThemeProvider
{
    private const string ChartStyle =
        "<style>\n    .mud-chart-serie:hover {\n        filter: url(#lighten);\n    }\n\n    .mud-chart-serie-hovered \n    {\n        filter: url(#lighten);\n    }\n</style>\n\n";

    private static readonly Lazy<MarkupString> Shared = new(() => new MallThemeProvider().Build());

    /// <summary>The stylesheets, as MudThemeProvider renders them for <see cref="MallTheme.Theme"/>.</summary>
    public static MarkupString Markup => Shared.Value;

    private MarkupString Build()
    {
        Theme = MallTheme.Theme;
        return new(BuildMudBlazorScrollbar() + ChartStyle + BuildTheme());
    }
}
