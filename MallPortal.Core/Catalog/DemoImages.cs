using SkiaSharp;

namespace MallPortal.Core.Catalog;

/// <summary>Product pictures for the demo shop, drawn rather than shipped: a soft gradient, a shape and the name.</summary>
internal static class DemoImages
{
    private static readonly SKTypeface? Chinese = SKFontManager.Default.MatchCharacter('商');

    public static byte[] Draw(string label, int hue, int variant)
    {
        const int size = 800;
        using var surface = SKSurface.Create(new SKImageInfo(size, size));
        var canvas = surface.Canvas;
        using var background = new SKPaint();
        background.Shader = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(size, size),
            [SKColor.FromHsl(hue, 70, 92), SKColor.FromHsl((hue + 30) % 360, 65, 80)], SKShaderTileMode.Clamp);
        canvas.DrawRect(0, 0, size, size, background);
        using var shape = new SKPaint { Color = SKColor.FromHsl(hue, 60, 55).WithAlpha(200), IsAntialias = true };
        if (variant % 2 == 0)
        {
            canvas.DrawCircle(size / 2f, size * 0.42f, size * 0.24f, shape);
        }
        else
        {
            canvas.DrawRoundRect(new SKRect(size * 0.25f, size * 0.2f, size * 0.75f, size * 0.65f), 40, 40, shape);
        }
        if (Chinese is not null)
        {
            using var font = new SKFont(Chinese, 64);
            using var ink = new SKPaint { Color = SKColor.FromHsl(hue, 50, 25), IsAntialias = true };
            canvas.DrawText(label, size / 2f, size * 0.85f, SKTextAlign.Center, font, ink);
        }
        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Jpeg, 82);
        return data.ToArray();
    }
}
