namespace MallPortal.Core.Orders.Risk;

/// <summary>
/// Where a buyer's browser is: the per-browser device id (cookie) and the client address, as the web app saw them, and
/// inside WeChat the buyer's openid once WeChat sign-in gave it (for WeChat Pay JSAPI).
/// </summary>
public sealed record ClientTrace(string? DeviceId, string? Address, string? WeChatOpenId = null)
{
    public static readonly ClientTrace Unknown = new(null, null);
}
