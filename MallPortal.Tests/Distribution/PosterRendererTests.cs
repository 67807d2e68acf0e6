using MallPortal.Core.Common;
using MallPortal.Core.Distribution;
using MallPortal.Tests.Support;
using SkiaSharp;

namespace MallPortal.Tests.Distribution;

public class PosterRendererTests
{
    private static readonly PosterContent Content = new("好物推荐", "星辰 X20 5G 智能手机 6.7 英寸高刷屏 5000mAh 大电池", new Money(259900), new Money(299900),
        "王芳", "https://mall.test/r/K7M2Q9P", null);

    [ChineseFontFact]
    public void With_a_Chinese_font_the_poster_carries_the_text_and_the_QR_code()
    {
        var poster = new PosterRenderer(null).Draw(Content);

        Assert.True(poster.HasText);
        using var bitmap = SKBitmap.Decode(poster.Png);
        Assert.Equal((PosterRenderer.Width, PosterRenderer.Height), (bitmap.Width, bitmap.Height));
        // The price is drawn in the brand red below the picture; the QR code's modules are black in the corner.
        Assert.Contains(Pixels(bitmap, 40, PosterRenderer.PriceBaseline - 40, 400, PosterRenderer.PriceBaseline), p => p.Red > 200 && p.Green < 100);
        Assert.Contains(Pixels(bitmap, PosterRenderer.Width - 280, PosterRenderer.Height - 300, PosterRenderer.Width - 40, PosterRenderer.Height - 60),
            p => p.Red < 30 && p.Green < 30 && p.Blue < 30);
    }

    [Fact]
    public void Without_a_Chinese_font_the_poster_keeps_the_QR_code_and_says_it_has_no_text()
    {
        var renderer = new PosterRenderer("/nonexistent/font.ttc", searchSystemFonts: false);

        var poster = renderer.Draw(Content);

        Assert.False(renderer.HasChineseFont);
        Assert.False(poster.HasText);
        using var bitmap = SKBitmap.Decode(poster.Png);
        Assert.Contains(Pixels(bitmap, PosterRenderer.Width - 280, PosterRenderer.Height - 300, PosterRenderer.Width - 40, PosterRenderer.Height - 60),
            p => p.Red < 30 && p.Green < 30 && p.Blue < 30);
        Assert.DoesNotContain(Pixels(bitmap, 40, PosterRenderer.PriceBaseline - 40, 400, PosterRenderer.PriceBaseline), p => p.Red > 200 && p.Green < 100);
    }

    private static IEnumerable<SKColor> Pixels(SKBitmap bitmap, int left, int top, int right, int bottom)
    {
        for (var y = top; y < bottom; y += 3)
        {
            for (var x = left; x < right; x += 3)
            {
                yield return bitmap.GetPixel(x, y);
            }
        }
    }
}
