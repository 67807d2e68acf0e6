namespace MallPortal.Core.Inventory;

/// <summary>Why stock changed; every change is one ledger row of one of these.</summary>
public enum StockMovementKind
{
    Inbound,
    Reservation,
    Release,
    Shipment,
    Return,
    Adjustment,
    Stocktake,
}
