using MallPortal.Components.Shared;
using MallPortal.Core.Distribution.Withdrawals;

namespace MallPortal.Areas.Distributor.Income;

/// <summary>A withdrawal as the payee types it: yuan and an account; Core checks the rules, the name and the balance.</summary>
public sealed class WithdrawalForm
{
    public decimal Yuan { get; set; }

    public PayoutMethod Method { get; set; } = PayoutMethod.Alipay;

    public string AccountNo { get; set; } = "";

    public string AccountName { get; set; } = "";

    public string? BankName { get; set; }

    public static WithdrawalForm From(WithdrawalRules rules) => rules.LastAccount is { } last
        ? new() { Method = last.Method, AccountNo = last.AccountNo, AccountName = last.AccountName, BankName = last.BankName }
        : new() { AccountName = rules.DefaultName };

    public WithdrawalRequest ToInput() => new(YuanInput.ToMoney(Yuan), new PayoutAccount(Method, AccountNo, AccountName, BankName));
}
