using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace MallPortal.Core.Orders.Payments.WeChatPay;

/// <summary>An answer of WeChat Pay whose signature verified: its status and JSON body (empty object for 204).</summary>
public sealed record WeChatPayAnswer(int Status, JsonElement Body)
{
    public bool Ok => Status is >= 200 and < 300;

    public string? Text(string name) =>
        Body.ValueKind == JsonValueKind.Object && Body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public string? Code => Text("code");
}

/// <summary>
/// Calls API v3: each request signed with the merchant key in the Authorization header; each answer believed only when
/// its Wechatpay-* signature verifies against WeChat Pay's public key and is fresh.
/// </summary>
public sealed class WeChatPayClient(IHttpClientFactory clients, WeChatPayKeys keys, IOptions<WeChatPayOptions> options, TimeProvider clock)
{
    public const string ClientName = "wechatpay";

    public async Task<WeChatPayAnswer> SendAsync(HttpMethod method, string pathAndQuery, object? body, CancellationToken cancellationToken)
    {
        var json = body is null ? "" : JsonSerializer.Serialize(body, Alipay.AlipayProtocol.Json);
        using var request = Signed(method, options.Value.BaseUrl.TrimEnd('/') + pathAndQuery, pathAndQuery, json);
        if (body is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }
        string text;
        HttpResponseMessage response;
        try
        {
            using var http = clients.CreateClient(ClientName);
            http.Timeout = TimeSpan.FromSeconds(options.Value.TimeoutSeconds);
            response = await http.SendAsync(request, cancellationToken);
            text = await response.Content.ReadAsStringAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            throw new PaymentGatewayException($"WeChat Pay {pathAndQuery}: {ex.Message}", ex);
        }
        using (response)
        {
            string? Header(string name) => response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
            if (WeChatPayProtocol.Rejection(Header, text, keys.PlatformKeys, clock.GetUtcNow()) is { } problem)
            {
                throw new PaymentGatewayException($"WeChat Pay {pathAndQuery}: HTTP {(int)response.StatusCode}, answer not trusted ({problem})");
            }
            try
            {
                var parsed = text.Length == 0 ? JsonDocument.Parse("{}").RootElement.Clone() : JsonDocument.Parse(text).RootElement.Clone();
                return new WeChatPayAnswer((int)response.StatusCode, parsed);
            }
            catch (JsonException ex)
            {
                throw new PaymentGatewayException($"WeChat Pay {pathAndQuery}: an answer that is not JSON", ex);
            }
        }
    }

    /// <summary>
    /// A bill file named by a signed answer: fetched with a signed GET, its answer unsigned (WeChat Pay does not sign files),
    /// so it is trusted only when its SHA-1 is the one the signed answer gave.
    /// </summary>
    public async Task<byte[]> DownloadAsync(string downloadUrl, string sha1Hex, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(downloadUrl, UriKind.Absolute, out var url))
        {
            throw new PaymentGatewayException("WeChat Pay bill: a download_url that is not a URL");
        }
        using var request = Signed(HttpMethod.Get, url.ToString(), url.PathAndQuery, "");
        byte[] file;
        try
        {
            using var http = clients.CreateClient(ClientName);
            http.Timeout = TimeSpan.FromSeconds(options.Value.TimeoutSeconds);
            using var response = await http.SendAsync(request, cancellationToken);
            file = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw new PaymentGatewayException($"WeChat Pay bill: HTTP {(int)response.StatusCode}");
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            throw new PaymentGatewayException($"WeChat Pay bill: {ex.Message}", ex);
        }
        if (!string.Equals(Convert.ToHexString(System.Security.Cryptography.SHA1.HashData(file)), sha1Hex, StringComparison.OrdinalIgnoreCase))
        {
            throw new PaymentGatewayException("WeChat Pay bill: the file's SHA-1 is not the one WeChat Pay gave");
        }
        return file;
    }

    private HttpRequestMessage Signed(HttpMethod method, string url, string pathAndQuery, string json)
    {
        var (timestamp, nonce) = (WeChatPayProtocol.UnixSeconds(clock.GetUtcNow()), WeChatPayProtocol.Nonce());
        var signature = Sha256WithRsa.Sign(WeChatPayProtocol.RequestMessage(method.Method, pathAndQuery, timestamp, nonce, json), keys.MerchantPrivateKey);
        var request = new HttpRequestMessage(method, url);
        request.Headers.TryAddWithoutValidation("Authorization",
            WeChatPayProtocol.Authorization(options.Value.MchId, nonce, timestamp, keys.MerchantSerialNo, signature));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.UserAgent.Add(new ProductInfoHeaderValue("MallPortal", "1.0"));
        return request;
    }
}
