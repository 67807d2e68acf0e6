namespace MallPortal.Core.Analytics;

/// <summary>What a daily rollup row is broken down by. Category, brand and product rows count order lines (goods only);
/// the others count whole orders (goods and shipping).</summary>
public enum SalesDimension
{
    /// <summary>The shop's whole day; its key is empty.</summary>
    Total,

    /// <summary>The product's (leaf) category id.</summary>
    Category,

    /// <summary>The brand id, "0" for products without a brand.</summary>
    Brand,

    Product,

    /// <summary>"direct", "distributor" (a bound customer, no link) or the share channel of the link (WeChat, Poster …).</summary>
    Channel,

    /// <summary>The payment gateway's name (alipay, wechatpay, cod …).</summary>
    Payment,

    /// <summary>The buyer's province from the shipping address.</summary>
    Province,

    /// <summary>The level-1 distributor's id; only orders a distributor brought.</summary>
    Distributor,

    /// <summary>The level-1 distributor's grade id when the order was paid, "0" without a grade.</summary>
    Grade,
}

public static class SalesDimensions
{
    public static bool CountsLines(this SalesDimension dimension) =>
        dimension is SalesDimension.Category or SalesDimension.Brand or SalesDimension.Product;
}
