using MallPortal.Core.Common;
using MallPortal.Core.Resources;
using SkiaSharp;

namespace MallPortal.Core.Files;

/// <summary>
/// Accepts JPEG, PNG and WebP by their content (magic bytes, then a real decode), never by the
/// file name, and re-encodes them, which also drops whatever else the file carried.
/// </summary>
public static class ImageCheck
{
    public static bool LooksLikeImage(ReadOnlySpan<byte> head) =>
        head.Length >= 12 && (
            (head[0] == 0xFF && head[1] == 0xD8 && head[2] == 0xFF) ||
            head[..8].SequenceEqual(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }) ||
            (head[..4].SequenceEqual("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8)));

    /// <summary>The whole picture as JPEG, scaled down so its longer side is at most <paramref name="maxSide"/>.</summary>
    public static byte[] ToJpeg(byte[] content, int maxSide, string field)
    {
        if (!LooksLikeImage(content))
        {
            throw new DomainException(CoreText.ImageWrongType, field);
        }
        using var bitmap = SKBitmap.Decode(content) ?? throw new DomainException(CoreText.ImageWrongType, field);
        var scale = Math.Min(1f, (float)maxSide / Math.Max(bitmap.Width, bitmap.Height));
        var (width, height) = ((int)(bitmap.Width * scale), (int)(bitmap.Height * scale));
        using var surface = SKSurface.Create(new SKImageInfo(width, height));
        surface.Canvas.Clear(SKColors.White);
        using var image = SKImage.FromBitmap(bitmap);
        surface.Canvas.DrawImage(image, new SKRect(0, 0, width, height), new SKSamplingOptions(SKCubicResampler.Mitchell));
        using var snapshot = surface.Snapshot();
        using var data = snapshot.Encode(SKEncodedImageFormat.Jpeg, 88);
        return data.ToArray();
    }

    /// <summary>A square crop from the centre, resized to <paramref name="size"/> pixels, as JPEG.</summary>
    public static byte[] ToSquareJpeg(byte[] content, int size, string field)
    {
        if (!LooksLikeImage(content))
        {
            throw new DomainException(CoreText.ImageWrongType, field);
        }
        using var bitmap = SKBitmap.Decode(content) ?? throw new DomainException(CoreText.ImageWrongType, field);
        var side = Math.Min(bitmap.Width, bitmap.Height);
        var crop = new SKRectI((bitmap.Width - side) / 2, (bitmap.Height - side) / 2,
            (bitmap.Width - side) / 2 + side, (bitmap.Height - side) / 2 + side);
        using var surface = SKSurface.Create(new SKImageInfo(size, size));
        surface.Canvas.Clear(SKColors.White);
        using var image = SKImage.FromBitmap(bitmap);
        surface.Canvas.DrawImage(image, crop, new SKRect(0, 0, size, size), new SKSamplingOptions(SKCubicResampler.Mitchell));
        using var snapshot = surface.Snapshot();
        using var data = snapshot.Encode(SKEncodedImageFormat.Jpeg, 85);
        return data.ToArray();
    }
}
