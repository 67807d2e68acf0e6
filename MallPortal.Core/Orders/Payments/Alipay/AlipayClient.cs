using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace MallPortal.Core.Orders.Payments.Alipay;

/// <summary>
/// Calls the open platform gateway server to server: the public parameters and biz_content signed with the app key,
/// posted as a form; the answer is trusted only when Alipay's signature over its node's raw text verifies.
/// </summary>
public sealed class AlipayClient(IHttpClientFactory clients, AlipayKeys keys, IOptions<AlipayOptions> options, TimeProvider clock)
{
    public const string ClientName = "alipay";

    /// <summary>Every field of a request to <paramref name="method"/>, signed.</summary>
    public List<KeyValuePair<string, string>> Signed(string method, object business, params (string Key, string? Value)[] extra)
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            new("app_id", options.Value.AppId),
            new("method", method),
            new("format", "JSON"),
            new("charset", "utf-8"),
            new("sign_type", "RSA2"),
            new("timestamp", AlipayProtocol.ChinaTime(clock.GetUtcNow())),
            new("version", "1.0"),
            new("biz_content", JsonSerializer.Serialize(business, AlipayProtocol.Json)),
        };
        fields.AddRange(extra.Where(e => !string.IsNullOrEmpty(e.Value)).Select(e => new KeyValuePair<string, string>(e.Key, e.Value!)));
        fields.Add(new("sign", AlipayProtocol.SignRequest(fields, keys.AppPrivateKey)));
        return fields;
    }

    /// <summary>The verified answer node (code, msg, sub_code and the method's fields).</summary>
    public async Task<JsonElement> CallAsync(string method, object business, CancellationToken cancellationToken)
    {
        byte[] body;
        try
        {
            using var http = clients.CreateClient(ClientName);
            http.Timeout = TimeSpan.FromSeconds(options.Value.TimeoutSeconds);
            using var content = new FormUrlEncodedContent(Signed(method, business));
            using var response = await http.PostAsync(options.Value.GatewayUrl + "?charset=utf-8", content, cancellationToken);
            body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw new PaymentGatewayException($"Alipay {method}: HTTP {(int)response.StatusCode}");
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            throw new PaymentGatewayException($"Alipay {method}: {ex.Message}", ex);
        }
        var signed = AlipayProtocol.SignedNode(body, AlipayProtocol.ResponseNode(method)) ?? AlipayProtocol.SignedNode(body, "error_response")
            ?? throw new PaymentGatewayException($"Alipay {method}: an answer without its node: {Encoding.UTF8.GetString(body)[..Math.Min(body.Length, 200)]}");
        var node = JsonDocument.Parse(signed.Node).RootElement.Clone();
        var verified = AlipayProtocol.Verify(signed.Node, signed.Sign, keys.AlipayPublicKey)
            || AlipayProtocol.Verify(signed.Node.Replace("\\/", "/", StringComparison.Ordinal), signed.Sign, keys.AlipayPublicKey);
        // An error answer may come unsigned; it can only say no, never move money or mark a trade paid.
        if (!verified && (signed.Sign is not null || Code(node) == AlipayProtocol.SuccessCode))
        {
            throw new PaymentGatewayException($"Alipay {method}: the answer's signature does not verify");
        }
        return node;
    }

    /// <summary>A file at an address a signed answer gave (a bill), fetched as it is.</summary>
    public async Task<byte[]> DownloadAsync(string url, CancellationToken cancellationToken)
    {
        try
        {
            using var http = clients.CreateClient(ClientName);
            http.Timeout = TimeSpan.FromSeconds(options.Value.TimeoutSeconds);
            using var response = await http.GetAsync(url, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw new PaymentGatewayException($"Alipay bill download: HTTP {(int)response.StatusCode}");
            }
            return await response.Content.ReadAsByteArrayAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            throw new PaymentGatewayException($"Alipay bill download: {ex.Message}", ex);
        }
    }

    public static string? Code(JsonElement node) => Text(node, "code");

    public static string? Text(JsonElement node, string name) =>
        node.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
