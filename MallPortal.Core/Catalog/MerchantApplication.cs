using MallPortal.Core.Common;
using MallPortal.Core.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MallPortal.Core.Catalog;

public enum ApplicationStatus
{
    Pending,
    Approved,
    Rejected,
}

/// <summary>A user's application to open a shop (商家入驻), reviewed by the platform admin.</summary>
public class MerchantApplication : ReviewedApplication
{
    public const int ShopNameMaxLength = 30;

    protected MerchantApplication()
    {
    }

    private MerchantApplication(int applicantUserId, MerchantApplicationInput input, string creditCode, string licensePath, DateTime now)
    {
        ApplicantUserId = applicantUserId;
        ShopName = input.ShopName!.Trim();
        ContactName = input.ContactName!.Trim();
        ContactPhone = input.ContactPhone!.Trim();
        CreditCode = creditCode;
        LicensePath = licensePath;
        SubmittedAt = now;
        Status = ApplicationStatus.Pending;
    }

    public int Id { get; private set; }

    public int ApplicantUserId { get; private set; }

    public string ShopName { get; private set; } = "";

    public string ContactName { get; private set; } = "";

    public string ContactPhone { get; private set; } = "";

    public string CreditCode { get; private set; } = "";

    /// <summary>The licence scan in the file store; private, shown only to reviewers.</summary>
    public string LicensePath { get; private set; } = "";

    public static MerchantApplication Submit(int applicantUserId, MerchantApplicationInput input, string licensePath, DateTime now)
    {
        if (string.IsNullOrWhiteSpace(input.ShopName) || input.ShopName.Trim().Length > ShopNameMaxLength)
        {
            throw new DomainException(string.Format(CoreText.ShopNameLength, ShopNameMaxLength), nameof(ShopName));
        }
        if (string.IsNullOrWhiteSpace(input.ContactName))
        {
            throw new DomainException(CoreText.ContactNameRequired, nameof(ContactName));
        }
        if (!Accounts.LoginIdentifier.TryParse(input.ContactPhone, out var phone) || phone!.Kind != Accounts.LoginKind.Mobile)
        {
            throw new DomainException(CoreText.InvalidMobile, nameof(ContactPhone));
        }
        if (!UnifiedSocialCreditCode.IsValid(input.CreditCode, out var code))
        {
            throw new DomainException(CoreText.CreditCodeInvalid, nameof(CreditCode));
        }
        return new MerchantApplication(applicantUserId, input with { ContactPhone = phone.Value }, code, licensePath, now);
    }
}

public sealed record MerchantApplicationInput(string? ShopName, string? ContactName, string? ContactPhone, string? CreditCode);

internal sealed class MerchantApplicationConfiguration : IEntityTypeConfiguration<MerchantApplication>
{
    public void Configure(EntityTypeBuilder<MerchantApplication> builder)
    {
        builder.Property(a => a.ShopName).HasMaxLength(MerchantApplication.ShopNameMaxLength).IsRequired();
        builder.Property(a => a.ContactName).HasMaxLength(20).IsRequired();
        builder.Property(a => a.ContactPhone).HasMaxLength(20).IsRequired();
        builder.Property(a => a.CreditCode).HasMaxLength(18).IsRequired();
        builder.Property(a => a.LicensePath).HasMaxLength(256).IsRequired();
        builder.Property(a => a.RejectReason).HasMaxLength(MerchantApplication.ReasonMaxLength);
        builder.HasIndex(a => new { a.Status, a.SubmittedAt });
        builder.HasIndex(a => a.ApplicantUserId);
        builder.HasOne<Accounts.MallUser>().WithMany().HasForeignKey(a => a.ApplicantUserId).OnDelete(DeleteBehavior.Restrict);
    }
}
