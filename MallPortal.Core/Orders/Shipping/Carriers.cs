using MallPortal.Core.Common;
using MallPortal.Core.Resources;

namespace MallPortal.Core.Orders.Shipping;

/// <summary>The carrier table: the companies most Chinese shops ship with, by their Kuaidi100 codes.</summary>
public static class Carriers
{
    public const string Other = "other";

    public static readonly IReadOnlyList<Carrier> All =
    [
        new("shunfeng", "顺丰速运", @"^(SF\d{13}|\d{12})$", "SF1234567890123", NeedsPhone: true),
        new("zhongtong", "中通快递", @"^\d{12}(\d{2})?$", "78123456789012"),
        new("yuantong", "圆通速递", @"^YT\d{13,15}$", "YT1234567890123"),
        new("yunda", "韵达快递", @"^\d{13}(\d{2})?$", "4312345678901"),
        new("shentong", "申通快递", @"^\d{12,15}$", "773123456789012"),
        new("jtexpress", "极兔速递", @"^JT\d{13}$", "JT1234567890123"),
        new("jd", "京东物流", @"^JD[A-Z0-9]{11,15}$", "JDVA01234567890"),
        new("ems", "EMS", @"^(\d{13}|[A-Z]{2}\d{9}[A-Z]{2})$", "1123456789012"),
        new("youzhengguonei", "邮政快递包裹", @"^(\d{13}|[A-Z]{2}\d{9}[A-Z]{2})$", "9812345678901"),
        new("debangkuaidi", "德邦快递", @"^(DPK\d{12}|\d{8,10})$", "DPK123456789012"),
        new(Other, "其他快递", null, "ABC123456789"),
    ];

    private static readonly Dictionary<string, Carrier> ByCode = All.ToDictionary(c => c.Code, StringComparer.OrdinalIgnoreCase);

    public static Carrier? Find(string? code) => code is not null && ByCode.TryGetValue(code, out var carrier) ? carrier : null;

    /// <summary>The name for a code, or the code itself for one this table no longer lists.</summary>
    public static string NameOf(string code) => Find(code)?.Name ?? code;

    /// <summary>
    /// The carrier and the tracking number as stored (trimmed, upper case); a missing carrier or a number in the wrong
    /// format is refused with a message naming the carrier and an example of its format.
    /// </summary>
    public static (Carrier Carrier, string Number) Check(string? code, string? trackingNumber, string field = "TrackingNumber")
    {
        var carrier = Find(code?.Trim()) ?? throw new DomainException(CoreText.CarrierRequired, "Carrier");
        var number = (trackingNumber ?? "").Trim().ToUpperInvariant();
        if (number.Length is < 6 or > 40 || !number.All(char.IsAsciiLetterOrDigit))
        {
            throw new DomainException(CoreText.TrackingNumberInvalid, field);
        }
        if (!carrier.Accepts(number))
        {
            throw new DomainException(string.Format(CoreText.TrackingNumberFormat, carrier.Name, carrier.Example), field);
        }
        return (carrier, number);
    }
}
