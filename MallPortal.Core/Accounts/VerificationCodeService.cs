using MallPortal.Core.Common;
using MallPortal.Core.Data;
using MallPortal.Core.Notifications;
using MallPortal.Core.Resources;
using Microsoft.EntityFrameworkCore;

namespace MallPortal.Core.Accounts;

/// <summary>
/// Sends and checks verification codes. The answer to "send" never tells whether an account
/// exists: a code that could not be used (a reset for an unknown contact, registering or moving to
/// a contact already taken) is recorded, so limits apply the same, but not delivered. The form's
/// submit then says what is wrong, as registration must.
/// </summary>
public sealed class VerificationCodeService(
    IDbContextFactory<MallDbContext> contexts, NotificationService notifications, OutboxDispatcher dispatcher,
    VerificationCodeRules rules, TimeProvider clock)
{
    public async Task SendAsync(LoginIdentifier target, VerificationPurpose purpose, string clientIp,
        CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var dayAgo = now.AddDays(-1);
        var hourAgo = now.AddHours(-1);
        var sentToTarget = await db.VerificationCodes.Where(c => c.Target == target.Value && c.CreatedAt > dayAgo)
            .Select(c => c.CreatedAt).ToListAsync(cancellationToken);
        var sentFromClient = await db.VerificationCodes.CountAsync(c => c.ClientIp == clientIp && c.CreatedAt > hourAgo, cancellationToken);
        VerificationCodePolicy.EnsureMaySend(rules, sentToTarget, sentFromClient, now);

        var (code, plain) = VerificationCode.Issue(target.Value, purpose, clientIp, now, rules.Lifetime);
        db.VerificationCodes.Add(code);
        await db.SaveChangesAsync(cancellationToken);
        // Only a code that can lead somewhere is delivered; the answer is the same either way.
        var registered = await ContactInUseAsync(db, target, cancellationToken);
        var useful = purpose switch
        {
            VerificationPurpose.ResetPassword => registered,
            VerificationPurpose.Register or VerificationPurpose.ChangeContact => !registered,
            _ => true,
        };
        if (useful)
        {
            await DeliverAsync(target, purpose, plain, now, cancellationToken);
        }
    }

    /// <summary>Checks the newest code for the contact and purpose and uses it up; throws the reason otherwise.</summary>
    public async Task VerifyAsync(LoginIdentifier target, VerificationPurpose purpose, string? code,
        CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            throw new DomainException(CoreText.CodeRequired, "Code");
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var latest = await db.VerificationCodes.Where(c => c.Target == target.Value && c.Purpose == purpose)
            .OrderByDescending(c => c.Id).FirstOrDefaultAsync(cancellationToken)
            ?? throw new DomainException(CoreText.CodeMissing, "Code");
        try
        {
            latest.Consume(code, clock.GetUtcNow().UtcDateTime, rules.MaxWrongAttempts);
        }
        finally
        {
            // A wrong try counts even though the caller gets an error.
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    // Sent while the person waits, so a provider's flow-control refusal reaches them as
    // "操作过于频繁" instead of a code that never comes.
    private async Task DeliverAsync(LoginIdentifier target, VerificationPurpose purpose, string code, DateTime now,
        CancellationToken cancellationToken)
    {
        var messages = await notifications.SendToContactAsync(target, NotificationTemplates.VerificationCode, new Dictionary<string, string>
        {
            ["code"] = code,
            ["minutes"] = ((int)rules.Lifetime.TotalMinutes).ToString(),
            ["purpose"] = PurposeText(purpose),
        }, sendNow: true, cancellationToken);
        foreach (var id in messages)
        {
            if (await dispatcher.SendNowAsync(id, now, cancellationToken) == DeliveryOutcome.RateLimited)
            {
                throw new DomainException(CoreText.TooFrequent, "Code");
            }
        }
    }

    private static Task<bool> ContactInUseAsync(MallDbContext db, LoginIdentifier target, CancellationToken cancellationToken) =>
        target.Kind == LoginKind.Mobile
            ? db.Users.AnyAsync(u => u.PhoneNumber == target.Value, cancellationToken)
            : db.Users.AnyAsync(u => u.NormalizedEmail == target.Value.ToUpperInvariant(), cancellationToken);

    private static string PurposeText(VerificationPurpose purpose) => purpose switch
    {
        VerificationPurpose.Register => CoreText.PurposeRegister,
        VerificationPurpose.Login => CoreText.PurposeLogin,
        VerificationPurpose.ResetPassword => CoreText.PurposeReset,
        VerificationPurpose.PaymentRisk => CoreText.PurposePaymentRisk,
        _ => CoreText.PurposeChangeContact,
    };
}
