namespace MallPortal.Core.Orders.Shipping;

/// <summary>Where a parcel is, derived from its trace: the latest scan by time, and signed once any scan says so.</summary>
public enum ShipmentStatus
{
    AwaitingPickup,
    InTransit,
    OutForDelivery,
    Signed,
    Returned,
}

/// <summary>What a scan says, mapped from the carrier's state code (Kuaidi100 0–14) or chosen by hand.</summary>
public enum TraceState
{
    PickedUp,
    InTransit,
    OutForDelivery,
    Signed,
    Problem,
    Returned,
    Refused,
}

/// <summary>Why a parcel needs the merchant: it shows in the merchant's logistics queue until handled.</summary>
public enum ShipmentProblem
{
    None,
    NoScan,
    NoRecord,
    CarrierProblem,
    Returned,
}

/// <summary>How the trace arrives: pushes after a subscription, or typed by the merchant when no provider can follow the parcel.</summary>
public enum TrackingMode
{
    Pending,
    Subscribed,
    Failed,
    Manual,
}
