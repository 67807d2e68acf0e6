namespace MallPortal.Core.Orders.Payments.Sandbox;

public sealed class SandboxOptions
{
    public const string Section = "Payments:Sandbox";

    /// <summary>Offer the sandbox at checkout (demo shops and tests); switch off once a real gateway is configured.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The secret both sides sign with.</summary>
    public string Key { get; set; } = "mallportal-sandbox-demo-key";

    /// <summary>Seconds between notification attempts after the first; then the provider gives up.</summary>
    public int[] RetrySeconds { get; set; } = [15, 60, 300, 1800, 7200];
}
