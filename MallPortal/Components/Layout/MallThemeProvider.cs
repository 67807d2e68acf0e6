using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using MudBlazor;

namespace MallPortal.Components.Layout;

/// <summary>
/// MudBlazor's theme provider, with the shop's theme stylesheet (about 12,000 characters; light only, the shop has no
/// dark mode) built once and shared, instead of built anew for every circuit and kept by that circuit's render tree for
/// its whole life (issue 15 item 3). Any other theme is built per render, as MudBlazor does.
/// </summary>
public sealed class MallThemeProvider : MudThemeProvider
{
    private static string? _shared;

    private const string ChartStyle =
        "<style>\n    .mud-chart-serie:hover {\n        filter: url(#lighten);\n    }\n\n    .mud-chart-serie-hovered \n    {\n        filter: url(#lighten);\n    }\n</style>\n\n";

    private static readonly string Scrollbar = BuildMudBlazorScrollbar();

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        if (!DefaultScrollbar)
        {
            builder.AddContent(0, (MarkupString)Scrollbar);
        }
        builder.AddMarkupContent(1, ChartStyle);
        builder.AddContent(2, (MarkupString)(ReferenceEquals(Theme, MallTheme.Theme) ? _shared ??= BuildTheme() : BuildTheme()));
    }
}
