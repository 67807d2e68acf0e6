using System.Text.RegularExpressions;

namespace MallPortal.Core.Orders.Shipping;

/// <summary>
/// A carrier a shop ships with: its Kuaidi100 company code (what subscriptions and pushes name it by), its Chinese
/// name, and where the tracking-number format is known, the pattern and an example for the message.
/// </summary>
public sealed record Carrier(string Code, string Name, string? Pattern, string Example, bool NeedsPhone = false)
{
    /// <summary>Carriers without a tracking service here (其他快递) are followed by hand.</summary>
    public bool Trackable => Code != Carriers.Other;

    public bool Accepts(string number) => Pattern is null || Regex.IsMatch(number, Pattern, RegexOptions.CultureInvariant);
}
