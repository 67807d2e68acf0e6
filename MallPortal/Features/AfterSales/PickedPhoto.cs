namespace MallPortal.Features.AfterSales;

/// <summary>A photo read from the buyer's or merchant's device, not stored yet.</summary>
public sealed record PickedPhoto(string Name, byte[] Content);
