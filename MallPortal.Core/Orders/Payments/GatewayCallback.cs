using System.Text;

namespace MallPortal.Core.Orders.Payments;

/// <summary>
/// A provider's notification as it reached the site: its headers, the raw body (WeChat Pay v3 and Stripe sign the exact
/// JSON bytes) and the form fields when the body is a form (Alipay, UnionPay, the sandbox).
/// </summary>
public sealed class GatewayCallback(IReadOnlyDictionary<string, string> headers, byte[] body, IReadOnlyDictionary<string, string> form)
{
    private readonly Dictionary<string, string> _headers = new(headers, StringComparer.OrdinalIgnoreCase);

    public byte[] Body { get; } = body;

    public IReadOnlyDictionary<string, string> Form { get; } = form;

    public string BodyText => Encoding.UTF8.GetString(Body);

    /// <summary>A form post, as Alipay and the sandbox send them.</summary>
    public static GatewayCallback FromForm(IReadOnlyDictionary<string, string> form) => new(
        new Dictionary<string, string> { ["Content-Type"] = "application/x-www-form-urlencoded" },
        Encoding.UTF8.GetBytes(string.Join('&', form.Select(f => $"{Uri.EscapeDataString(f.Key)}={Uri.EscapeDataString(f.Value)}"))), form);

    /// <summary>The header's value, or null (names are case-insensitive).</summary>
    public string? Header(string name) => _headers.GetValueOrDefault(name);
}
