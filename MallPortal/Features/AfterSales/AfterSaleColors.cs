using MallPortal.Core.Orders.AfterSales;
using MudBlazor;

namespace MallPortal.Features.AfterSales;

/// <summary>One colour per case state everywhere: waiting on someone amber, refused red, refunded green, ended grey.</summary>
public static class AfterSaleColors
{
    public static Color Of(AfterSaleStatus status) => status switch
    {
        AfterSaleStatus.Refunded => Color.Success,
        AfterSaleStatus.Rejected or AfterSaleStatus.ReturnRefused => Color.Error,
        AfterSaleStatus.Arbitration => Color.Secondary,
        AfterSaleStatus.Cancelled or AfterSaleStatus.Closed => Color.Default,
        _ => Color.Warning,
    };
}
