using MallPortal.Core.Common;
using MallPortal.Core.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MallPortal.Core.Catalog;

/// <summary>A merchant's shop, created when the platform approves its application.</summary>
public partial class Shop
{
    public const int DescriptionMaxLength = 500;
    public const int ReturnAddressMaxLength = 200;

    protected Shop()
    {
    }

    public Shop(int ownerUserId, string name, string servicePhone, DateTime createdAt)
    {
        OwnerUserId = ownerUserId;
        Name = name;
        ServicePhone = servicePhone;
        CreatedAt = createdAt;
    }

    public int Id { get; private set; }

    public int OwnerUserId { get; private set; }

    public string Name { get; private set; } = "";

    public string? LogoPath { get; private set; }

    public string Description { get; private set; } = "";

    public string ServicePhone { get; private set; } = "";

    public DateTime CreatedAt { get; private set; }

    /// <summary>The flat shipping fee of one order from this shop.</summary>
    public Money ShippingFee { get; private set; }

    /// <summary>Orders whose items reach this amount ship free; null when the shop never ships free.</summary>
    public Money? FreeShippingOver { get; private set; }

    /// <summary>The platform's service fee on this shop's paid lines, in basis points; set by the admin (default none).</summary>
    public int ServiceFeeBp { get; private set; }

    // A mobile, a landline with area code or a 400/800 number: digits, dashes, spaces, an optional +.
    [System.Text.RegularExpressions.GeneratedRegex(@"^\+?[0-9][0-9\- ]{4,18}[0-9]$")]
    private static partial System.Text.RegularExpressions.Regex PhonePattern();

    public void UpdateSettings(string? name, string? description, string? servicePhone, string? logoPath)
    {
        var trimmed = (name ?? "").Trim();
        if (trimmed.Length is 0 or > MerchantApplication.ShopNameMaxLength)
        {
            throw new DomainException(string.Format(CoreText.ShopNameLength, MerchantApplication.ShopNameMaxLength), nameof(Name));
        }
        if ((description ?? "").Length > DescriptionMaxLength)
        {
            throw new DomainException(string.Format(CoreText.ShopDescriptionLength, DescriptionMaxLength), nameof(Description));
        }
        if (string.IsNullOrWhiteSpace(servicePhone) || !PhonePattern().IsMatch(servicePhone.Trim()))
        {
            throw new DomainException(CoreText.ServicePhoneRequired, nameof(ServicePhone));
        }
        (Name, Description, ServicePhone) = (trimmed, (description ?? "").Trim(), servicePhone.Trim());
        LogoPath = logoPath ?? LogoPath;
    }

    /// <summary>退货地址: recipient, phone and address buyers send returns to, shown when a return is agreed.</summary>
    public string? ReturnAddress { get; private set; }

    public void SetReturnAddress(string? address)
    {
        address = (address ?? "").Trim();
        if (address.Length > ReturnAddressMaxLength)
        {
            throw new DomainException(string.Format(CoreText.ReturnAddressLength, ReturnAddressMaxLength), nameof(ReturnAddress));
        }
        ReturnAddress = address.Length == 0 ? null : address;
    }

    public void SetShipping(Money fee, Money? freeOver)
    {
        if (fee.IsNegative || fee > Money.FromYuan(500))
        {
            throw new DomainException(CoreText.ShippingFeeRange, nameof(ShippingFee));
        }
        if (freeOver is { } over && (over.Fen <= 0 || over > Money.FromYuan(100_000)))
        {
            throw new DomainException(CoreText.FreeShippingRange, nameof(FreeShippingOver));
        }
        (ShippingFee, FreeShippingOver) = (fee, freeOver);
    }

    /// <summary>Up to 20 %: above it a "fee" would take most of a merchant's margin. Orders keep the rate they were paid under.</summary>
    public void SetServiceFee(int basisPoints)
    {
        if (basisPoints is < 0 or > MaxServiceFeeBp)
        {
            throw new DomainException(string.Format(CoreText.ServiceFeeRange, new BasisPoints(MaxServiceFeeBp)), nameof(ServiceFeeBp));
        }
        ServiceFeeBp = basisPoints;
    }

    public const int MaxServiceFeeBp = 2000;
}

internal sealed class ShopConfiguration : IEntityTypeConfiguration<Shop>
{
    public void Configure(EntityTypeBuilder<Shop> builder)
    {
        builder.Property(s => s.Name).HasMaxLength(MerchantApplication.ShopNameMaxLength).IsRequired();
        builder.Property(s => s.LogoPath).HasMaxLength(256);
        builder.Property(s => s.Description).HasMaxLength(Shop.DescriptionMaxLength).IsRequired();
        builder.Property(s => s.ServicePhone).HasMaxLength(20).IsRequired();
        builder.Property(s => s.ReturnAddress).HasMaxLength(Shop.ReturnAddressMaxLength);
        builder.HasIndex(s => s.OwnerUserId).IsUnique();
        builder.HasIndex(s => s.Name).IsUnique();
        builder.HasOne<Accounts.MallUser>().WithMany().HasForeignKey(s => s.OwnerUserId).OnDelete(DeleteBehavior.Restrict);
    }
}
