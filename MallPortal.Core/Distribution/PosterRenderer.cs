using MallPortal.Core.Common;
using SkiaSharp;

namespace MallPortal.Core.Distribution;

/// <summary>
/// The shareable poster (decision 0007): drawn on the server with a CJK font — the configured file, else Debian's Noto
/// CJK, else any installed font with Chinese glyphs. Without one the poster carries only the picture and the QR code,
/// and <see cref="PosterResult.HasText"/> is false so the page can say so.
/// </summary>
public sealed class PosterRenderer(string? configuredFontPath, bool searchSystemFonts = true)
{
    public const int Width = 750;
    public const int Height = 1200;

    /// <summary>Where the price's text sits (its baseline), below the title; the QR code is in the lower right corner.</summary>
    public const int PriceBaseline = 895;

    private static readonly SKRect PictureArea = new(75, 120, Width - 75, 720);

    private static readonly string[] DebianFonts =
    [
        "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc",
        "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    ];

    private readonly Lazy<SKTypeface?> _typeface = new(() => FindTypeface(configuredFontPath, searchSystemFonts));

    public bool HasChineseFont => _typeface.Value is not null;

    public PosterResult Draw(PosterContent content)
    {
        using var surface = SKSurface.Create(new SKImageInfo(Width, Height));
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White);
        using (var band = new SKPaint { Color = new SKColor(0xE5, 0x3E, 0x30) })
        {
            canvas.DrawRect(0, 0, Width, 90, band);
        }
        if (content.Picture is { Length: > 0 } && SKBitmap.Decode(content.Picture) is { } picture)
        {
            using (picture)
            {
                using var pictureImage = SKImage.FromBitmap(picture);
                canvas.DrawImage(pictureImage, PictureArea, new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
            }
        }
        using var qr = SKImage.FromEncodedData(QrCodes.Png(content.Url, 8));
        canvas.DrawImage(qr, new SKRect(Width - 280, Height - 300, Width - 40, Height - 60), new SKSamplingOptions(SKFilterMode.Nearest));
        var typeface = _typeface.Value;
        if (typeface is not null)
        {
            using var white = new SKPaint { Color = SKColors.White, IsAntialias = true };
            using var ink = new SKPaint { Color = new SKColor(0x21, 0x21, 0x21), IsAntialias = true };
            using var red = new SKPaint { Color = new SKColor(0xE5, 0x3E, 0x30), IsAntialias = true };
            using var grey = new SKPaint { Color = new SKColor(0x75, 0x75, 0x75), IsAntialias = true };
            using var headline = new SKFont(typeface, 34);
            using var title = new SKFont(typeface, 36);
            using var price = new SKFont(typeface, 52);
            using var small = new SKFont(typeface, 26);
            canvas.DrawText(content.Headline, Width / 2f, 58, SKTextAlign.Center, headline, white);
            var y = PictureArea.Bottom + 52f;
            foreach (var line in Wrap(content.Title, title, Width - 80).Take(2))
            {
                canvas.DrawText(line, 40, y, SKTextAlign.Left, title, ink);
                y += 46;
            }
            if (content.Price is { } p)
            {
                canvas.DrawText(p.ToString(), 40, PriceBaseline, SKTextAlign.Left, price, red);
                if (content.OriginalPrice is { } o && o.Fen > p.Fen)
                {
                    var x = 40 + price.MeasureText(p.ToString()) + 20;
                    canvas.DrawText(o.ToString(), x, PriceBaseline, SKTextAlign.Left, small, grey);
                    canvas.DrawLine(x, PriceBaseline - 9, x + small.MeasureText(o.ToString()), PriceBaseline - 9, grey);
                }
            }
            foreach (var (line, index) in Wrap($"{content.Nickname} 为你推荐", small, Width - 340).Take(2).Select((l, i) => (l, i)))
            {
                canvas.DrawText(line, 40, Height - 220 + index * 36, SKTextAlign.Left, small, ink);
            }
            canvas.DrawText("长按或扫码查看", 40, Height - 120, SKTextAlign.Left, small, grey);
        }
        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return new PosterResult(data.ToArray(), typeface is not null);
    }

    private static IEnumerable<string> Wrap(string text, SKFont font, float width)
    {
        var line = "";
        foreach (var ch in text)
        {
            if (font.MeasureText(line + ch) > width && line.Length > 0)
            {
                yield return line;
                line = "";
            }
            line += ch;
        }
        if (line.Length > 0)
        {
            yield return line;
        }
    }

    private static bool HasGlyphs(SKTypeface face, string text)
    {
        using var font = new SKFont(face);
        return font.ContainsGlyphs(text);
    }

    private static SKTypeface? FindTypeface(string? configured, bool searchSystemFonts)
    {
        foreach (var path in new[] { configured }.Concat(searchSystemFonts ? DebianFonts : []))
        {
            if (string.IsNullOrWhiteSpace(path) || !File.Exists(path))
            {
                continue;
            }
            // A collection holds several faces (JP, KR, SC, TC ...): take the Simplified Chinese one when there is one.
            SKTypeface? first = null;
            for (var index = 0; index < 10 && SKTypeface.FromFile(path, index) is { } face; index++)
            {
                if (face.FamilyName.Contains("SC", StringComparison.Ordinal))
                {
                    first?.Dispose();
                    return face;
                }
                if (first is null)
                {
                    first = face;
                }
                else
                {
                    face.Dispose();
                }
            }
            if (first is not null && HasGlyphs(first, "推荐"))
            {
                return first;
            }
        }
        if (!searchSystemFonts)
        {
            return null;
        }
        var matched = SKFontManager.Default.MatchCharacter('推');
        return matched is not null && HasGlyphs(matched, "推荐为你") ? matched : null;
    }
}

public sealed record PosterContent(string Headline, string Title, Money? Price, Money? OriginalPrice, string Nickname, string Url, byte[]? Picture);

public sealed record PosterResult(byte[] Png, bool HasText);
