using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace MallPortal.Core.Orders.Payments.WeChatPay.Simulator;

/// <summary>
/// A local WeChat web authorization: the silent snsapi_base page hands a one-time code (valid five minutes) to the
/// redirect address; the code, with the right AppID and AppSecret, is exchanged once for the simulated user's openid.
/// Errors are WeChat's errcodes (40013 AppID, 40125 AppSecret, 40029 code, 40163 code used).
/// </summary>
public sealed class WeChatOAuthSimulator(WeChatPaySimulatorKeys keys, IOptions<WeChatPayOptions> shop, TimeProvider clock)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, (string OpenId, DateTimeOffset Expires, bool Used)> _codes = [];

    /// <summary>The simulated WeChat user's openid under the shop's app: the same user always gets the same one.</summary>
    public string OpenIdOf(string user) =>
        "o" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(shop.Value.AppId + "/" + user))).Replace('+', '-').Replace('/', '_')[..27];

    /// <summary>The authorization page: where WeChat sends the browser next (the redirect with code and state), or WeChat's error.</summary>
    public (string? Redirect, string? Error) Authorize(string? appId, string? redirectUri, string? responseType, string? scope, string? state, string user)
    {
        if (appId != shop.Value.AppId)
        {
            return (null, "10003：redirect_uri 域名与后台配置不一致（AppID 错误）");
        }
        if (responseType != "code" || scope is not ("snsapi_base" or "snsapi_userinfo")
            || !Uri.TryCreate(redirectUri, UriKind.Absolute, out var target) || target.Scheme is not ("http" or "https"))
        {
            return (null, "10004：此公众号被封禁或参数错误");
        }
        var code = RandomNumberGenerator.GetString("abcdefghijklmnopqrstuvwxyz0123456789", 32);
        lock (_gate)
        {
            _codes[code] = (OpenIdOf(user), clock.GetUtcNow().AddMinutes(5), false);
        }
        var separator = redirectUri!.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        return ($"{redirectUri}{separator}code={code}&state={Uri.EscapeDataString(state ?? "")}", null);
    }

    /// <summary>GET /sns/oauth2/access_token as WeChat answers it.</summary>
    public string Exchange(IReadOnlyDictionary<string, string> query)
    {
        if (query.GetValueOrDefault("appid") != shop.Value.AppId)
        {
            return Error(40013, "invalid appid");
        }
        if (query.GetValueOrDefault("secret") != keys.AppSecret)
        {
            return Error(40125, "invalid appsecret");
        }
        if (query.GetValueOrDefault("grant_type") != "authorization_code")
        {
            return Error(40002, "invalid grant_type");
        }
        lock (_gate)
        {
            var code = query.GetValueOrDefault("code") ?? "";
            if (!_codes.TryGetValue(code, out var issued) || issued.Expires < clock.GetUtcNow())
            {
                return Error(40029, "invalid code");
            }
            if (issued.Used)
            {
                return Error(40163, "code been used");
            }
            _codes[code] = issued with { Used = true };
            return new JsonObject
            {
                ["access_token"] = RandomNumberGenerator.GetString("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", 64),
                ["expires_in"] = 7200,
                ["refresh_token"] = RandomNumberGenerator.GetString("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", 64),
                ["openid"] = issued.OpenId,
                ["scope"] = "snsapi_base",
            }.ToJsonString();
        }
    }

    private static string Error(int code, string message) => new JsonObject { ["errcode"] = code, ["errmsg"] = message }.ToJsonString();
}
