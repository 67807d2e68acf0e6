using System.Text.RegularExpressions;
using MallPortal.Core.Common;
using MallPortal.Core.Resources;

namespace MallPortal.Core.Distribution.Withdrawals;

/// <summary>
/// A payout account fit to receive money: an Alipay account (mobile or e-mail), a WeChat account (mobile or WeChat ID), or
/// a bank card (12–19 digits, with its bank); in the payee's verified name only, so commission cannot be paid to a stranger.
/// </summary>
public static partial class PayoutAccountPolicy
{
    public static PayoutAccount Check(PayoutAccount account, IReadOnlyList<string> verifiedNames)
    {
        var number = Regex.Replace(account.AccountNo ?? "", @"\s", "");
        var valid = account.Method switch
        {
            PayoutMethod.Alipay => Mobile().IsMatch(number) || Email().IsMatch(number),
            PayoutMethod.WeChat => Mobile().IsMatch(number) || WeChatId().IsMatch(number),
            _ => BankCard().IsMatch(number),
        };
        if (!valid)
        {
            throw new DomainException(CoreText.WithdrawalAccountInvalid, nameof(PayoutAccount.AccountNo));
        }
        var bank = (account.BankName ?? "").Trim();
        if (account.Method == PayoutMethod.BankCard && bank.Length is < 2 or > 40)
        {
            throw new DomainException(CoreText.WithdrawalBankRequired, nameof(PayoutAccount.BankName));
        }
        var name = (account.AccountName ?? "").Trim();
        if (!verifiedNames.Any(v => string.Equals(name, v.Trim(), StringComparison.Ordinal)))
        {
            throw new DomainException(string.Format(CoreText.WithdrawalNameMismatch, string.Join(CoreText.OrSeparator, verifiedNames)), nameof(PayoutAccount.AccountName));
        }
        return new PayoutAccount(account.Method, number, name, account.Method == PayoutMethod.BankCard ? bank : null);
    }

    [GeneratedRegex(@"^1[3-9]\d{9}$")]
    private static partial Regex Mobile();

    [GeneratedRegex(@"^[^@\s]{1,64}@[^@\s]+\.[A-Za-z]{2,}$")]
    private static partial Regex Email();

    [GeneratedRegex(@"^[A-Za-z][-_A-Za-z0-9]{5,19}$")]
    private static partial Regex WeChatId();

    [GeneratedRegex(@"^\d{12,19}$")]
    private static partial Regex BankCard();
}
