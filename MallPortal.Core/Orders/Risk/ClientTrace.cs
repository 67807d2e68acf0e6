namespace MallPortal.Core.Orders.Risk;

/// <summary>Where a buyer's browser is: the per-browser device id (cookie) and the client address, as the web app saw them.</summary>
public sealed record ClientTrace(string? DeviceId, string? Address)
{
    public static readonly ClientTrace Unknown = new(null, null);
}
