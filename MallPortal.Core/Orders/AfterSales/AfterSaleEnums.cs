namespace MallPortal.Core.Orders.AfterSales;

/// <summary>仅退款 (before shipment, or goods not received / kept) or 退货退款 (after the goods arrived).</summary>
public enum AfterSaleType
{
    RefundOnly,
    ReturnAndRefund,
}

/// <summary>Why the buyer asks; 7天无理由 has the short window, the others the quality window.</summary>
public enum AfterSaleReason
{
    NoReason,
    Quality,
    NotAsDescribed,
    WrongItem,
    Damaged,
    Other,
}

public enum AfterSaleStatus
{
    PendingMerchant,
    Rejected,
    AwaitingReturn,
    AwaitingReceipt,
    ReturnRefused,
    Arbitration,
    Refunded,
    Cancelled,
    Closed,
}

public enum AfterSaleTrigger
{
    /// <summary>退货退款 agreed: the buyer sends the goods back.</summary>
    ApproveReturn,

    /// <summary>The money goes back: 仅退款 agreed, a return received, or the platform's ruling.</summary>
    Refund,
    Reject,
    Withdraw,
    Escalate,
    ShipBack,
    ExpireReturn,
    RefuseReturn,

    /// <summary>The platform rules against the buyer.</summary>
    Dismiss,
}

/// <summary>Who wrote a case message (shown beside it).</summary>
public enum AfterSaleParty
{
    Buyer,
    Merchant,
    Platform,
    System,
}
