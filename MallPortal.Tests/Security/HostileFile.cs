using System.Buffers.Binary;
using System.IO.Hashing;
using System.Text;
using MallPortal.Tests.Accounts;
using SkiaSharp;

namespace MallPortal.Tests.Security;

/// <summary>
/// Hostile and broken files built in code. <see cref="Expected"/> is the message a refusal must carry, or null for a
/// polyglot that is a real picture: it is stored, re-encoded, without the <see cref="Payload"/> it carried.
/// </summary>
public sealed record HostileFile(string Name, byte[] Content, string? Expected, string? Payload = null)
{
    public const string WrongType = "请上传 JPG、PNG 或 WebP 格式的图片";
    public const string Damaged = "图片文件不完整或已损坏，请换一张";
    public const string Empty = "图片文件是空的，请重新选择";
    public const string TooManyPixels = "图片尺寸过大（超过 40 百万像素），请缩小后再上传";
    private const string Script = "<html><body><script>alert(document.cookie)</script></body></html>";

    public override string ToString() => Name;

    public static IReadOnlyList<HostileFile> All(long maxBytes) =>
    [
        new("svg-with-script.jpg", Utf8("""<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.cookie)</script></svg>"""), WrongType),
        new("svg-with-onload.png", Utf8("""<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect width="9" height="9"/></svg>"""), WrongType),
        new("page-renamed.jpg", Utf8("<!DOCTYPE html>" + Script), WrongType),
        new("notes-renamed.png", Utf8("这不是图片，只是一段文字。 just some text, long enough to pass a length check"), WrongType),
        new("gif-js-polyglot.jpg", [.. Utf8("GIF89a/*"), 1, 0, 1, 0, 0, 0, 0, .. Utf8("*/=alert(document.domain);//"), 0x3B], WrongType),
        new("png-html-polyglot.png", [.. ProfileServiceTests.Png(64, 48), .. Utf8(Script)], null, "alert(document.cookie)"),
        new("jpeg-js-polyglot.jpg", [.. Jpeg(64, 48), .. Utf8(Script)], null, "alert(document.cookie)"),
        new("png-bomb-50000x50000.png", PngBomb(50_000, 50_000), TooManyPixels),
        new("empty.jpg", [], Empty),
        new("oversize.png", Oversize(maxBytes), string.Format("图片不能超过 {0} MB", maxBytes / 1024 / 1024)),
        new("truncated.jpg", Jpeg(400, 300)[..1500], Damaged),
    ];

    public static byte[] Jpeg(int width, int height)
    {
        using var bitmap = new SKBitmap(width, height);
        var random = new Random(7);
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                bitmap.SetPixel(x, y, new SKColor((byte)random.Next(256), (byte)(x % 256), (byte)(y % 256)));
            }
        }
        using var data = SKImage.FromBitmap(bitmap).Encode(SKEncodedImageFormat.Jpeg, 90);
        return data.ToArray();
    }

    /// <summary>A valid PNG of a few dozen bytes whose header claims <paramref name="width"/> × <paramref name="height"/> pixels.</summary>
    public static byte[] PngBomb(int width, int height)
    {
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        (header[8], header[9]) = (8, 2); // 8-bit RGB, no interlace
        // One deflate stream of zero bytes: a decoder would inflate it row after row of black.
        byte[] idat = [0x78, 0x9C, 0x63, 0x60, 0x18, 0x05, 0x00, 0x00, 0x01, 0x00, 0x01];
        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        Chunk(png, "IHDR", header);
        Chunk(png, "IDAT", idat);
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        var length = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        png.Write(length);
        byte[] typed = [.. Encoding.ASCII.GetBytes(type), .. data];
        png.Write(typed);
        var crc = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32.HashToUInt32(typed));
        png.Write(crc);
    }

    // A real picture padded past the limit: only the byte count is wrong.
    private static byte[] Oversize(long maxBytes) => [.. ProfileServiceTests.Png(32, 32), .. new byte[maxBytes]];

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
