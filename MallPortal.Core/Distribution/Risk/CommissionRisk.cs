namespace MallPortal.Core.Distribution.Risk;

/// <summary>Why a commission looks like the beneficiary paying itself (DESIGN §5, abuse signals); several may hold at once.</summary>
[Flags]
public enum CommissionRisk
{
    None = 0,

    /// <summary>同一手机号: the buyer's account or the order's recipient has the beneficiary's mobile number.</summary>
    SharedPhone = 1,

    /// <summary>同一收货地址: the order goes to an address in the beneficiary's own address book.</summary>
    SharedAddress = 2,

    /// <summary>同一设备或网络: buyer and beneficiary signed in from the same device, or the same public IP, lately.</summary>
    SharedDevice = 4,

    /// <summary>自买自返: the buyer is the beneficiary itself while the shop has no self-purchase commission (内购).</summary>
    SelfDealing = 8,

    /// <summary>刷单退款: the promoter's recent promoted orders were mostly refunded.</summary>
    RefundBurst = 16,
}

/// <summary>A commission's review: none needed, held until the admin decides, or decided.</summary>
public enum CommissionHold
{
    None,

    /// <summary>风控审核中: it follows the order as usual but does not become withdrawable.</summary>
    Held,

    /// <summary>已放行: the admin found nothing wrong; it settles as any other.</summary>
    Released,

    /// <summary>已作废: the admin found abuse; the money went back to the shop.</summary>
    Voided,
}
