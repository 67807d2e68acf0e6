using System.Globalization;
using System.Security.Cryptography;
using MallPortal.Core.Common;

namespace MallPortal.Core.Orders;

/// <summary>Readable numbers: business-local time to the second plus six random digits (20261126153012482913).</summary>
public sealed class OrderNumbers(BusinessTimeZone timeZone)
{
    public string Order(DateTime utcNow) => Format("", utcNow);

    public string Payment(DateTime utcNow) => Format("P", utcNow);

    public string Refund(DateTime utcNow) => Format("R", utcNow);

    public string Withdrawal(DateTime utcNow) => Format("W", utcNow);

    public string AfterSale(DateTime utcNow) => Format("S", utcNow);

    private string Format(string prefix, DateTime utcNow) =>
        prefix + timeZone.ToLocal(utcNow).ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture)
               + RandomNumberGenerator.GetInt32(1_000_000).ToString("D6", CultureInfo.InvariantCulture);
}
