using MallPortal.Core.Accounts;
using MallPortal.Core.Common;
using MallPortal.Core.Data;
using MallPortal.Core.Distribution.Commissions;
using MallPortal.Core.Seeding;
using Microsoft.EntityFrameworkCore;

namespace MallPortal.Core.Distribution.Withdrawals;

/// <summary>
/// 王芳's received orders settle (the settle job is run as the after-sales window's end; the demo has no week to wait), and
/// she withdraws through the real service: one request in each state (审核中, 已通过, 已打款, 已拒绝, 打款失败).
/// </summary>
public sealed class WithdrawalDemoSeeder(IDbContextFactory<MallDbContext> contexts, CommissionService commissions, WithdrawalService withdrawals,
    DistributionSettingsStore settingsStore, TimeProvider clock) : IDemoSeeder
{
    public string Name => "withdrawals";

    public int Order => 420;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var settings = await settingsStore.GetAsync(cancellationToken);
        await commissions.SettleDueAsync(clock.GetUtcNow().UtcDateTime.AddDays(settings.SettleAfterDays).AddMinutes(1), cancellationToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var wang = await db.Distributors.AsNoTracking().SingleAsync(d => d.Mobile == "13800000011", cancellationToken);
        var (admin, me) = (await AdminLookup.FirstAsync(db, cancellationToken), new Actor(wang.UserId, new HashSet<string> { Roles.Distributor }));
        var alipay = new PayoutAccount(PayoutMethod.Alipay, "13800000011", "王芳");
        var card = new PayoutAccount(PayoutMethod.BankCard, "6222021001122334455", "王芳", "中国工商银行");
        async Task<string> AskAsync(long fen, PayoutAccount to) => await withdrawals.RequestAsync(me, new WithdrawalRequest(new Money(fen), to), cancellationToken);

        await withdrawals.ProcessAsync(admin, await AskAsync(1_000, card), WithdrawalTrigger.Reject, "银行卡开户行与卡号不符，请核对后重新申请", cancellationToken);
        var failed = await AskAsync(1_200, card);
        await withdrawals.ProcessAsync(admin, failed, WithdrawalTrigger.Approve, null, cancellationToken);
        await withdrawals.ProcessAsync(admin, failed, WithdrawalTrigger.MarkFailed, "银行退票：账户已销户", cancellationToken);
        var paid = await AskAsync(2_000, alipay);
        await withdrawals.ProcessAsync(admin, paid, WithdrawalTrigger.Approve, null, cancellationToken);
        await withdrawals.ProcessAsync(admin, paid, WithdrawalTrigger.MarkPaid, "2026ALIPAY0000000001", cancellationToken);
        await withdrawals.ProcessAsync(admin, await AskAsync(1_000, alipay), WithdrawalTrigger.Approve, null, cancellationToken);
        await AskAsync(1_000, alipay);
    }
}
