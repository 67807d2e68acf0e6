using MallPortal.Core.Distribution;

namespace MallPortal.Areas.Account.Distributor;

/// <summary>What the applicant types; turned into the service's input only on submit, so nothing typed is lost on a refusal.</summary>
public sealed class DistributorApplicationForm
{
    public ApplicantKind Kind { get; set; } = ApplicantKind.Individual;

    public string? RealName { get; set; }

    public string? IdNumber { get; set; }

    public string? CompanyName { get; set; }

    public string? CreditCode { get; set; }

    public string? Mobile { get; set; }

    public string? Province { get; set; }

    public string? City { get; set; }

    public string? Reason { get; set; }

    public string? InviteCode { get; set; }

    public string? Region => string.IsNullOrWhiteSpace(Province) ? null : $"{Province} {City}".Trim();

    public DistributorApplicationInput ToInput() =>
        new(Kind, RealName, Kind == ApplicantKind.Individual ? IdNumber : null, Kind == ApplicantKind.Enterprise ? CompanyName : null,
            Kind == ApplicantKind.Enterprise ? CreditCode : null, Mobile, Region, Reason, InviteCode);

    /// <summary>A rejected application's details come back into the form; only what was wrong needs changing.</summary>
    public void Fill(DistributorApplicationRow row)
    {
        (Kind, RealName, CompanyName, CreditCode, Mobile, Reason) = (row.Kind, row.RealName, row.CompanyName, row.CreditCode, row.Mobile, row.Reason);
        var parts = row.Region.Split(' ', 2);
        (Province, City) = (parts[0], parts.Length > 1 ? parts[1] : null);
    }
}
