namespace MallPortal.Core.Orders.Settlement;

/// <summary>
/// How long after receipt a line stays open for after-sales (售后期) before its money settles: the platform's setting, kept by
/// the distribution settings (the same window settles commissions), read by Orders through this seam.
/// </summary>
public interface IAfterSalesPolicy
{
    Task<int> AfterSalesDaysAsync(CancellationToken cancellationToken);
}
