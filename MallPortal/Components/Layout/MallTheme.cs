using MudBlazor;

namespace MallPortal.Components.Layout;

/// <summary>The shop's colours: mall red as primary, with the order-state colours kept apart.</summary>
public static class MallTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#e4393c",
            Secondary = "#ff9f00",
            AppbarBackground = "#e4393c",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography
            {
                FontFamily = ["PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "Helvetica", "Arial", "sans-serif"],
            },
        },
    };
}
