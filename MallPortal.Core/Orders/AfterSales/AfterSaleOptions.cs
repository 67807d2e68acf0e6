namespace MallPortal.Core.Orders.AfterSales;

public sealed class AfterSaleOptions
{
    public const string Section = "AfterSales";

    /// <summary>7天无理由: days after receipt a buyer may return without a reason.</summary>
    public int NoReasonDays { get; set; } = 7;

    /// <summary>Days after receipt for quality, description, wrong-item and damage claims.</summary>
    public int QualityDays { get; set; } = 15;

    /// <summary>Hours the merchant has to answer a claim; then it is approved for the merchant.</summary>
    public int MerchantHours { get; set; } = 48;

    /// <summary>Days the buyer has to send the goods back once a return is agreed; then the case closes.</summary>
    public int ReturnDays { get; set; } = 7;
}
