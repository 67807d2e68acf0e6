namespace MallPortal.Core.Common;

/// <summary>
/// <c>RateLimits:*</c>: how many attempts a minute one client address and one account get, per action. The web layer
/// limits HTTP requests with these (login, code sending, registration, /r/ clicks, the JSON endpoints);
/// <see cref="AbuseLimits"/> limits what happens inside a live page (checkout), where there is no request to refuse.
/// </summary>
public sealed class AbuseLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>Every account form post (login, codes, registration, password and contact changes) from one address.</summary>
    public int AccountPostsPerMinute { get; set; } = 20;

    public int LoginPerIpPerMinute { get; set; } = 20;

    public int LoginPerAccountPerMinute { get; set; } = 10;

    public int CodesPerIpPerMinute { get; set; } = 10;

    public int CodesPerAccountPerMinute { get; set; } = 3;

    public int RegisterPerIpPerMinute { get; set; } = 10;

    public int RegisterPerAccountPerMinute { get; set; } = 5;

    public int CheckoutPerIpPerMinute { get; set; } = 30;

    public int CheckoutPerAccountPerMinute { get; set; } = 10;

    public int PromotionClicksPerIpPerMinute { get; set; } = 60;

    public int PromotionClicksPerAccountPerMinute { get; set; } = 60;

    public int ApiPerIpPerMinute { get; set; } = 60;

    public int ApiPerAccountPerMinute { get; set; } = 60;
}
