namespace MallPortal.Core.Orders.Payments;

/// <summary>
/// The string to sign of the form-based providers (Alipay, UnionPay, the sandbox): the non-empty fields except the
/// excluded ones, sorted by key ordinally, joined as raw (un-encoded) key=value pairs with &amp;.
/// </summary>
public static class SignContent
{
    public static string Of(IEnumerable<KeyValuePair<string, string>> fields, params string[] excluded) =>
        string.Join('&', fields.Where(f => f.Key.Length > 0 && !string.IsNullOrEmpty(f.Value) && !excluded.Contains(f.Key))
            .OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => $"{f.Key}={f.Value}"));
}
