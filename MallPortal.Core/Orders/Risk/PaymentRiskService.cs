using System.Net;
using MallPortal.Core.Accounts;
using MallPortal.Core.Common;
using MallPortal.Core.Data;
using MallPortal.Core.Resources;
using Microsoft.EntityFrameworkCore;

namespace MallPortal.Core.Orders.Risk;

/// <summary>
/// The buyer's side of the risk rules: every payment attempt is recorded (device and network as salted hashes) and too many
/// in the window stop the next one until the buyer confirms an SMS code sent to the account's own phone or email.
/// </summary>
public sealed class PaymentRiskService(IDbContextFactory<MallDbContext> contexts, RiskSettingsStore store, VerificationCodeService codes,
    ILiveUpdates live, TimeProvider clock)
{
    /// <summary>
    /// Throws <see cref="RiskVerificationRequiredException"/> when the rules stop one more attempt; otherwise returns the attempt,
    /// which <see cref="RecordAttemptAsync"/> stores once the provider has opened its cashier.
    /// </summary>
    public async Task<PaymentAttempt> ScreenAttemptAsync(int userId, string paymentNumber, ClientTrace client, CancellationToken cancellationToken = default)
    {
        var settings = await store.GetAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var device = string.IsNullOrWhiteSpace(client.DeviceId) ? null : ClientNetwork.Hash(settings.Salt, "device|" + client.DeviceId);
        var network = IPAddress.TryParse(client.Address, out var address) && ClientNetwork.IsPublic(address)
            ? ClientNetwork.Hash(settings.Salt, "ip|" + address) : null;
        var next = new AttemptTrace(userId, device, network, now);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var since = now.AddMinutes(-settings.AttemptWindowMinutes);
        // The cards this buyer tried, as a subquery: their declines by any account come back in the same query.
        var cards = db.PaymentAttempts.Where(a => a.At > since && a.UserId == userId && a.CardHash != null).Select(a => a.CardHash);
        var recent = await db.PaymentAttempts.AsNoTracking()
            .Where(a => a.At > since && (a.UserId == userId || (device != null && a.DeviceHash == device) || (network != null && a.NetworkHash == network)
                || cards.Contains(a.CardHash)))
            .Select(a => new AttemptTrace(a.UserId, a.DeviceHash, a.NetworkHash, a.At, a.CardHash)).ToListAsync(cancellationToken);
        var clearedAt = await db.RiskEvents.Where(e => e.UserId == userId && e.Action == RiskAction.Verified).MaxAsync(e => (DateTime?)e.At, cancellationToken);
        if (RiskPolicy.Attempt(settings, next, recent, clearedAt, now) is { } block)
        {
            // One log line per stop, not one per retry while stopped.
            var from = clearedAt > since ? clearedAt.Value : since;
            if (!await db.RiskEvents.AnyAsync(e => e.UserId == userId && e.Action == RiskAction.Blocked && e.At > from, cancellationToken))
            {
                db.RiskEvents.Add(new RiskEvent(RiskRule.RapidAttempts, RiskAction.Blocked, userId, paymentNumber, null,
                    RiskText.Attempts(block, settings.AttemptWindowMinutes), null, now));
                await db.SaveChangesAsync(cancellationToken);
                await live.PublishAsync(new RiskChanged(), cancellationToken);
            }
            throw new RiskVerificationRequiredException(string.Format(CoreText.RiskVerifyToPay, settings.AttemptWindowMinutes));
        }
        return new PaymentAttempt(userId, paymentNumber, device, network, now);
    }

    /// <summary>
    /// Counts a screened attempt. Only a start the provider answered with a cashier counts (decision 0014, addendum): the
    /// visit that only goes through WeChat sign-in, and a start the provider refused or could not take, gave nothing to try.
    /// </summary>
    public async Task RecordAttemptAsync(PaymentAttempt attempt, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.PaymentAttempts.Add(attempt);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>A card the provider reported declined for a payment: an attempt of its buyer's, counted by card across accounts.</summary>
    internal async Task RecordCardAsync(MallDbContext db, int userId, string paymentNumber, string fingerprint, CancellationToken cancellationToken)
    {
        var settings = await store.GetAsync(cancellationToken);
        db.PaymentAttempts.Add(PaymentAttempt.ByCard(userId, paymentNumber, ClientNetwork.Hash(settings.Salt, "card|" + fingerprint), clock.GetUtcNow().UtcDateTime));
    }

    /// <summary>Sends the code to the account's own phone (or email); returns where it went, masked.</summary>
    public async Task<string> SendCodeAsync(Actor actor, string clientIp, CancellationToken cancellationToken = default)
    {
        var target = await ContactAsync(actor, cancellationToken);
        await codes.SendAsync(target, VerificationPurpose.PaymentRisk, clientIp, cancellationToken);
        return target.Masked();
    }

    /// <summary>A right code clears the buyer: attempts count afresh from now.</summary>
    public async Task VerifyAsync(Actor actor, string? code, CancellationToken cancellationToken = default)
    {
        var target = await ContactAsync(actor, cancellationToken);
        await codes.VerifyAsync(target, VerificationPurpose.PaymentRisk, code, cancellationToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.RiskEvents.Add(new RiskEvent(RiskRule.RapidAttempts, RiskAction.Verified, actor.UserId, null, null, CoreText.RiskVerifiedDetail, null,
            clock.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync(cancellationToken);
        await live.PublishAsync(new RiskChanged(), cancellationToken);
    }

    private async Task<LoginIdentifier> ContactAsync(Actor actor, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var user = await db.Users.AsNoTracking().Where(u => u.Id == actor.UserId).Select(u => new { u.PhoneNumber, u.Email }).SingleOrDefaultAsync(cancellationToken)
            ?? throw new DomainException(CoreText.NotAllowed);
        return LoginIdentifier.TryParse(user.PhoneNumber, out var phone) ? phone!
            : LoginIdentifier.TryParse(user.Email, out var email) ? email! : throw new DomainException(CoreText.RiskNoContact);
    }
}

/// <summary>A risk event was written or a held payment decided: the admin's risk pages reload.</summary>
public sealed record RiskChanged;
