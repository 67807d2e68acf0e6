namespace MallPortal.Core.Orders.Payments;

/// <summary>What the buyer's browser does to pay, as the provider wants it.</summary>
public abstract record GatewayStart;

/// <summary>Go to the provider's cashier page (the sandbox).</summary>
public sealed record RedirectStart(string Url) : GatewayStart;

/// <summary>Post these fields to the provider from the browser (Alipay page and wap pay, UnionPay's front gateway).</summary>
public sealed record FormStart(string Action, IReadOnlyList<KeyValuePair<string, string>> Fields) : GatewayStart;

/// <summary>
/// Show this payload as a QR code for the buyer's phone to scan (WeChat Pay Native); <paramref name="SimulatorUrl"/>
/// opens a simulator's phone instead (demos and tests only).
/// </summary>
public sealed record QrCodeStart(string Payload, string? SimulatorUrl = null) : GatewayStart;

/// <summary>
/// Hand these parameters to the provider's app the page runs in (WeChat JSAPI: WeixinJSBridge's getBrandWCPayRequest),
/// which asks the buyer to confirm and pay; <paramref name="SimulatorBridgeUrl"/> is a script standing in for that app
/// (demos and tests only).
/// </summary>
public sealed record InAppStart(IReadOnlyDictionary<string, string> Parameters, string? SimulatorBridgeUrl = null) : GatewayStart;
/// Load the provider's script in the page and hand it these client parameters; it takes the buyer's details in its own
/// frame and confirms with the provider (Stripe.js with its publishable key and the PaymentIntent's client secret). Card
/// data never touches MallPortal.
/// </summary>
public sealed record ScriptStart(string ScriptUrl, IReadOnlyDictionary<string, string> Parameters) : GatewayStart;
