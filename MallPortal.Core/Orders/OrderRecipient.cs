namespace MallPortal.Core.Orders;

/// <summary>Who receives an order and where, as separate fields (regions for analytics and carriers).</summary>
public sealed record OrderRecipient(string Name, string Mobile, string Province, string City, string District, string Street)
{
    public string FullAddress => Accounts.ShippingAddress.Compose(Province, City, District, Street);

    /// <summary>What a promoting distributor may see: the surname, the mobile's first three and last four digits, the region only.</summary>
    public OrderRecipient Masked() => new(Name.Length == 0 ? "" : Name[0] + "*", Mobile.Length == 11 ? $"{Mobile[..3]}****{Mobile[^4..]}" : "****",
        Province, City, District, "****");
}
