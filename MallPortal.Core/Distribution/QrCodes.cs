using QRCoder;

namespace MallPortal.Core.Distribution;

/// <summary>QR codes for links and invitations, as PNG (download, poster) and SVG (print). Medium error correction.</summary>
public static class QrCodes
{
    public static byte[] Png(string url, int pixelsPerModule = 10)
    {
        using var data = QRCodeGenerator.GenerateQrCode(url, QRCodeGenerator.ECCLevel.M);
        return new PngByteQRCode(data).GetGraphic(pixelsPerModule);
    }

    public static string Svg(string url)
    {
        using var data = QRCodeGenerator.GenerateQrCode(url, QRCodeGenerator.ECCLevel.M);
        return new SvgQRCode(data).GetGraphic(8);
    }
}
