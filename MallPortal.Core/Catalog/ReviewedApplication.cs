using MallPortal.Core.Common;
using MallPortal.Core.Resources;

namespace MallPortal.Core.Catalog;

/// <summary>
/// What every application the platform admin reviews shares (开店申请, 分销员申请): pending until approved, or rejected with a
/// reason the applicant reads; reviewed once.
/// </summary>
public abstract class ReviewedApplication
{
    public const int ReasonMaxLength = 200;

    public ApplicationStatus Status { get; protected set; }

    public string? RejectReason { get; private set; }

    public DateTime SubmittedAt { get; protected set; }

    public DateTime? ReviewedAt { get; private set; }

    public int? ReviewerUserId { get; private set; }

    public void Approve(int reviewerUserId, DateTime now) => Review(ApplicationStatus.Approved, reviewerUserId, null, now);

    public void Reject(int reviewerUserId, string? reason, DateTime now)
    {
        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > ReasonMaxLength)
        {
            throw new DomainException(string.Format(CoreText.RejectReasonRequired, ReasonMaxLength), "Reason");
        }
        Review(ApplicationStatus.Rejected, reviewerUserId, reason.Trim(), now);
    }

    private void Review(ApplicationStatus status, int reviewerUserId, string? reason, DateTime now)
    {
        if (Status != ApplicationStatus.Pending)
        {
            throw new DomainException(CoreText.ApplicationAlreadyReviewed);
        }
        (Status, ReviewerUserId, RejectReason, ReviewedAt) = (status, reviewerUserId, reason, now);
    }
}
