using MallPortal.Core.Accounts;

namespace MallPortal.Areas.Account.Addresses;

/// <summary>What the address editor edits; the service validates it (ShippingAddress.Change).</summary>
public sealed class AddressForm
{
    public int? Id { get; set; }

    public string? RecipientName { get; set; }

    public string? Mobile { get; set; }

    public string? Province { get; set; }

    public string? City { get; set; }

    public string? District { get; set; }

    public string? Detail { get; set; }

    public bool MakeDefault { get; set; }

    public static AddressForm From(AddressRow row) => new()
    {
        Id = row.Id,
        RecipientName = row.RecipientName,
        Mobile = row.Mobile,
        Province = row.Province,
        City = row.City,
        District = row.District,
        Detail = row.Detail,
    };

    public AddressInput ToInput() => new(RecipientName, Mobile, Province, City, District, Detail);
}
