using Microsoft.Extensions.Options;

namespace MallPortal.Core.Orders.Payments.UnionPay;

/// <summary>
/// Back transactions and queries, server to server: the fields signed with the merchant key, posted as a form; the
/// answer is trusted only when its signPubKeyCert chains to UnionPay's roots and its signature verifies.
/// </summary>
public sealed class UnionPayClient(IHttpClientFactory clients, UnionPayKeys keys, IOptions<UnionPayOptions> options, TimeProvider clock)
{
    public const string ClientName = "unionpay";

    /// <summary>The common fields of a request of this merchant.</summary>
    public Dictionary<string, string> Fields(string txnType, string txnSubType, string orderId, string txnTime, string channelType = "07") => new()
    {
        ["version"] = UnionPayProtocol.Version,
        ["encoding"] = "UTF-8",
        ["signMethod"] = UnionPayProtocol.SignMethodRsa,
        ["txnType"] = txnType,
        ["txnSubType"] = txnSubType,
        ["bizType"] = UnionPayProtocol.GatewayBiz,
        ["channelType"] = channelType,
        ["accessType"] = "0",
        ["merId"] = options.Value.MerId,
        ["orderId"] = orderId,
        ["txnTime"] = txnTime,
    };

    public Dictionary<string, string> Sign(Dictionary<string, string> fields) => UnionPayProtocol.Signed(fields, keys.CertId, keys.SignKey);

    /// <summary>Fields signed by UnionPay (a notification or an answer) for this merchant, or why not.</summary>
    public string? Untrusted(IReadOnlyDictionary<string, string> fields)
    {
        if (fields.GetValueOrDefault("signMethod") != UnionPayProtocol.SignMethodRsa || fields.GetValueOrDefault("version") != UnionPayProtocol.Version)
        {
            return $"signMethod {fields.GetValueOrDefault("signMethod")} version {fields.GetValueOrDefault("version")}";
        }
        if (keys.TrustedSigner(fields.GetValueOrDefault("signPubKeyCert"), options.Value.SignCertOwner, clock.GetUtcNow()) is not { } signer)
        {
            return "certificate";
        }
        using (signer)
        {
            if (!UnionPayProtocol.Verify(fields, signer))
            {
                return "signature";
            }
        }
        return fields.GetValueOrDefault("merId") != options.Value.MerId ? $"merId {fields.GetValueOrDefault("merId")}" : null;
    }

    /// <summary>Posts to backTransReq.do or queryTrans.do (a path on the gateway) or the file host (a full address); the verified answer's fields.</summary>
    public async Task<Dictionary<string, string>> CallAsync(string path, Dictionary<string, string> fields, CancellationToken cancellationToken)
    {
        string body;
        try
        {
            using var http = clients.CreateClient(ClientName);
            http.Timeout = TimeSpan.FromSeconds(options.Value.TimeoutSeconds);
            using var content = new FormUrlEncodedContent(Sign(fields));
            var url = path.StartsWith("http", StringComparison.Ordinal) ? path : options.Value.GatewayUrl.TrimEnd('/') + path;
            using var response = await http.PostAsync(url, content, cancellationToken);
            body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw new PaymentGatewayException($"UnionPay {path}: HTTP {(int)response.StatusCode}");
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            throw new PaymentGatewayException($"UnionPay {path}: {ex.Message}", ex);
        }
        var answer = UnionPayProtocol.ParseAnswer(body);
        // An unsigned answer (a malformed request) can only say no; anything it says is never taken as a success.
        if (!answer.ContainsKey("signature") && answer.GetValueOrDefault("respCode") is { } code && code != UnionPayProtocol.Success)
        {
            return answer;
        }
        return Untrusted(answer) is { } reason ? throw new PaymentGatewayException($"UnionPay {path}: the answer is not trusted ({reason})") : answer;
    }
}
