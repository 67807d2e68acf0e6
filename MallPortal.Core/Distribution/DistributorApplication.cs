using MallPortal.Core.Catalog;
using MallPortal.Core.Common;
using MallPortal.Core.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MallPortal.Core.Distribution;

public enum ApplicantKind
{
    Individual,
    Enterprise,
}

/// <summary>
/// An application to become a distributor: a person (real name + resident ID number) or a company (name + unified
/// social credit code + licence). Reviewed by the platform admin; a rejected one keeps its details for the next try.
/// </summary>
public class DistributorApplication : Catalog.ReviewedApplication
{

    protected DistributorApplication()
    {
    }

    public int Id { get; private set; }

    public int ApplicantUserId { get; private set; }

    public ApplicantKind Kind { get; private set; }

    /// <summary>The person's real name, or the company's contact person.</summary>
    public string RealName { get; private set; } = "";

    /// <summary>Stored whole for the reviewer; every other view shows <see cref="ResidentIdNumber.Mask"/>.</summary>
    public string? IdNumber { get; private set; }

    public string? CompanyName { get; private set; }

    public string? CreditCode { get; private set; }

    public string Mobile { get; private set; } = "";

    public string Region { get; private set; } = "";

    public string Reason { get; private set; } = "";

    /// <summary>Private files (ID photos or the licence), separated by '|'; only reviewers open them.</summary>
    public string DocumentPaths { get; private set; } = "";

    public int? InviterId { get; private set; }

    public string DisplayName => Kind == ApplicantKind.Enterprise ? CompanyName! : RealName;

    public IReadOnlyList<string> Documents => DocumentPaths.Split('|', StringSplitOptions.RemoveEmptyEntries);

    public static DistributorApplication Submit(int applicantUserId, DistributorApplicationInput input, int? inviterId,
        IReadOnlyList<string> documentPaths, DateTime now, DateOnly today)
    {
        var a = new DistributorApplication
        {
            ApplicantUserId = applicantUserId, Kind = input.Kind, InviterId = inviterId, SubmittedAt = now,
            Status = ApplicationStatus.Pending, DocumentPaths = string.Join('|', documentPaths),
            RealName = Required(input.RealName, 20, CoreText.RealNameRequired, nameof(input.RealName)),
            Region = Required(input.Region, 60, CoreText.RegionRequired, nameof(input.Region)),
            Reason = Required(input.Reason, ReasonMaxLength, string.Format(CoreText.ApplyReasonRequired, ReasonMaxLength), nameof(input.Reason)),
        };
        if (!Accounts.LoginIdentifier.TryParse(input.Mobile, out var phone) || phone!.Kind != Accounts.LoginKind.Mobile)
        {
            throw new DomainException(CoreText.InvalidMobile, nameof(input.Mobile));
        }
        a.Mobile = phone.Value;
        if (input.Kind == ApplicantKind.Individual)
        {
            if (!ResidentIdNumber.IsValid(input.IdNumber, today, out var id))
            {
                throw new DomainException(CoreText.IdNumberInvalid, nameof(input.IdNumber));
            }
            a.IdNumber = id;
        }
        else
        {
            a.CompanyName = Required(input.CompanyName, 60, CoreText.CompanyNameRequired, nameof(input.CompanyName));
            if (!UnifiedSocialCreditCode.IsValid(input.CreditCode, out var code))
            {
                throw new DomainException(CoreText.CreditCodeInvalid, nameof(input.CreditCode));
            }
            a.CreditCode = code;
            if (documentPaths.Count == 0)
            {
                throw new DomainException(CoreText.LicenceRequired, "Documents");
            }
        }
        return a;
    }

    private static string Required(string? value, int max, string message, string field)
    {
        var text = (value ?? "").Trim();
        return text.Length == 0 || text.Length > max ? throw new DomainException(message, field) : text;
    }
}

public sealed record DistributorApplicationInput(ApplicantKind Kind, string? RealName, string? IdNumber, string? CompanyName,
    string? CreditCode, string? Mobile, string? Region, string? Reason, string? InviteCode);

internal sealed class DistributorApplicationConfiguration : IEntityTypeConfiguration<DistributorApplication>
{
    public void Configure(EntityTypeBuilder<DistributorApplication> builder)
    {
        builder.Property(a => a.RealName).HasMaxLength(20).IsRequired();
        builder.Property(a => a.IdNumber).HasMaxLength(18);
        builder.Property(a => a.CompanyName).HasMaxLength(60);
        builder.Property(a => a.CreditCode).HasMaxLength(18);
        builder.Property(a => a.Mobile).HasMaxLength(20).IsRequired();
        builder.Property(a => a.Region).HasMaxLength(60).IsRequired();
        builder.Property(a => a.Reason).HasMaxLength(DistributorApplication.ReasonMaxLength).IsRequired();
        builder.Property(a => a.DocumentPaths).HasMaxLength(800).IsRequired();
        builder.Property(a => a.RejectReason).HasMaxLength(DistributorApplication.ReasonMaxLength);
        builder.Ignore(a => a.DisplayName);
        builder.Ignore(a => a.Documents);
        builder.HasIndex(a => new { a.Status, a.SubmittedAt });
        builder.HasIndex(a => a.ApplicantUserId);
        builder.HasOne<Accounts.MallUser>().WithMany().HasForeignKey(a => a.ApplicantUserId).OnDelete(DeleteBehavior.Restrict);
    }
}
