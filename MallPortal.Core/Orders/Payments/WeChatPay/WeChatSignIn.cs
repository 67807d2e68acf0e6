using System.Text.Json;
using Microsoft.Extensions.Options;

namespace MallPortal.Core.Orders.Payments.WeChatPay;

/// <summary>The official account's AppSecret, read at first use (live: a file or variable; the simulator: its own).</summary>
public sealed class WeChatAppSecret(Func<string> read)
{
    private readonly Lazy<string> _value = new(read);

    public string Value => _value.Value;
}

/// <summary>
/// WeChat web authorization (网页授权) with scope snsapi_base: inside WeChat the buyer is sent to WeChat and straight back
/// with a one-time code, which the server exchanges (with the AppSecret) for the buyer's openid under this app — what
/// JSAPI payment needs. Nothing else about the buyer is asked for or kept.
/// </summary>
public sealed class WeChatSignIn(IHttpClientFactory clients, IOptions<WeChatPayOptions> options, WeChatAppSecret secret)
{
    public const string ClientName = "wechat-oauth";

    /// <summary>WeChat's authorization page for this app, coming back to <paramref name="redirectUri"/> with the code and <paramref name="state"/>.</summary>
    public string AuthorizeUrl(string redirectUri, string state) =>
        $"{options.Value.OAuthAuthorizeUrl}?appid={Uri.EscapeDataString(options.Value.AppId)}&redirect_uri={Uri.EscapeDataString(redirectUri)}" +
        $"&response_type=code&scope=snsapi_base&state={Uri.EscapeDataString(state)}#wechat_redirect";

    /// <summary>The buyer's openid for a code WeChat gave; a refused or unreadable answer throws with WeChat's errcode.</summary>
    public async Task<string> OpenIdAsync(string code, CancellationToken cancellationToken)
    {
        var url = $"{options.Value.OAuthApiUrl.TrimEnd('/')}/sns/oauth2/access_token?appid={Uri.EscapeDataString(options.Value.AppId)}" +
            $"&secret={Uri.EscapeDataString(secret.Value)}&code={Uri.EscapeDataString(code)}&grant_type=authorization_code";
        try
        {
            using var http = clients.CreateClient(ClientName);
            http.Timeout = TimeSpan.FromSeconds(options.Value.TimeoutSeconds);
            using var answer = JsonDocument.Parse(await http.GetStringAsync(url, cancellationToken));
            var root = answer.RootElement;
            return root.TryGetProperty("openid", out var openId) && openId.GetString() is { Length: > 0 } id
                ? id
                : throw new PaymentGatewayException($"WeChat sign-in: {(root.TryGetProperty("errcode", out var error) ? error.ToString() : "?")} " +
                    $"{(root.TryGetProperty("errmsg", out var message) ? message.GetString() : "")}");
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            throw new PaymentGatewayException($"WeChat sign-in: {ex.Message}", ex);
        }
    }
}
