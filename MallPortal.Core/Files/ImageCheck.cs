using MallPortal.Core.Common;
using MallPortal.Core.Resources;
using SkiaSharp;

namespace MallPortal.Core.Files;

/// <summary>
/// The one check every upload goes through: a byte limit, JPEG, PNG or WebP by content (magic bytes, never the file
/// name), the pixel count read from the header before anything is decoded (a 50 KB PNG can claim 50,000 × 50,000 pixels,
/// 10 GB once decoded), a complete decode, then a re-encode to JPEG, which drops whatever else the file carried
/// (script appended to a polyglot, metadata).
/// </summary>
public static class ImageCheck
{
    /// <summary>40 megapixels, above any phone camera; a decoded picture that size takes 160 MB.</summary>
    public const long MaxPixels = 40_000_000;

    public static bool LooksLikeImage(ReadOnlySpan<byte> head) =>
        head.Length >= 12 && (
            (head[0] == 0xFF && head[1] == 0xD8 && head[2] == 0xFF) ||
            head[..8].SequenceEqual(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }) ||
            (head[..4].SequenceEqual("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8)));

    /// <summary>Lets a page refuse an oversize file by its announced size before reading it.</summary>
    public static void EnsureSize(long bytes, long maxBytes, string field)
    {
        if (bytes == 0)
        {
            throw new DomainException(CoreText.ImageEmpty, field);
        }
        if (bytes > maxBytes)
        {
            throw new DomainException(TooLarge(maxBytes), field);
        }
    }

    public static string TooLarge(long maxBytes) => string.Format(CoreText.ImageTooLarge, maxBytes / 1024 / 1024);

    /// <summary>The whole picture as JPEG, scaled down so its longer side is at most <paramref name="maxSide"/>.</summary>
    public static byte[] ToJpeg(byte[] content, long maxBytes, int maxSide, string field)
    {
        using var bitmap = Decode(content, maxBytes, field);
        var scale = Math.Min(1f, (float)maxSide / Math.Max(bitmap.Width, bitmap.Height));
        var (width, height) = (Math.Max(1, (int)(bitmap.Width * scale)), Math.Max(1, (int)(bitmap.Height * scale)));
        return Draw(bitmap, new SKRect(0, 0, bitmap.Width, bitmap.Height), width, height, 88);
    }

    /// <summary>A square crop from the centre, resized to <paramref name="size"/> pixels, as JPEG.</summary>
    public static byte[] ToSquareJpeg(byte[] content, long maxBytes, int size, string field)
    {
        using var bitmap = Decode(content, maxBytes, field);
        var side = Math.Min(bitmap.Width, bitmap.Height);
        var (left, top) = ((bitmap.Width - side) / 2, (bitmap.Height - side) / 2);
        return Draw(bitmap, new SKRect(left, top, left + side, top + side), size, size, 85);
    }

    private static SKBitmap Decode(byte[] content, long maxBytes, string field)
    {
        EnsureSize(content.Length, maxBytes, field);
        if (!LooksLikeImage(content))
        {
            throw new DomainException(CoreText.ImageWrongType, field);
        }
        using var data = SKData.CreateCopy(content);
        using var codec = SKCodec.Create(data) ?? throw new DomainException(CoreText.ImageWrongType, field);
        // The codec has read the header only: refuse a pixel bomb before allocating or decoding anything.
        if ((long)codec.Info.Width * codec.Info.Height > MaxPixels)
        {
            throw new DomainException(string.Format(CoreText.ImageTooManyPixels, MaxPixels / 1_000_000), field);
        }
        var bitmap = new SKBitmap(new SKImageInfo(codec.Info.Width, codec.Info.Height, SKImageInfo.PlatformColorType, SKAlphaType.Premul));
        var result = codec.GetPixels(bitmap.Info, bitmap.GetPixels());
        if (result != SKCodecResult.Success)
        {
            // A truncated or corrupt file decodes partly (IncompleteInput): storing half a grey picture helps no one.
            bitmap.Dispose();
            throw new DomainException(CoreText.ImageDamaged, field);
        }
        return bitmap;
    }

    private static byte[] Draw(SKBitmap bitmap, SKRect source, int width, int height, int quality)
    {
        using var surface = SKSurface.Create(new SKImageInfo(width, height));
        surface.Canvas.Clear(SKColors.White);
        using var image = SKImage.FromBitmap(bitmap);
        surface.Canvas.DrawImage(image, source, new SKRect(0, 0, width, height), new SKSamplingOptions(SKCubicResampler.Mitchell));
        using var snapshot = surface.Snapshot();
        using var data = snapshot.Encode(SKEncodedImageFormat.Jpeg, quality);
        return data.ToArray();
    }
}
