namespace MallPortal.Core.Orders.Payments.Stripe.Simulator;

/// <summary>
/// Stripe's documented test cards and what they do: 4242 4242 4242 4242 pays, 4000 0000 0000 0002 is declined,
/// 4000 0000 0000 9995 has insufficient funds; a number that fails the Luhn check is incorrect, any other is a live card,
/// which test mode declines. An expired date or a malformed CVC is refused before the card is charged.
/// </summary>
public static class StripeTestCards
{
    public const string Succeeds = "4242424242424242";

    public const string Declined = "4000000000000002";

    public const string InsufficientFunds = "4000000000009995";

    /// <summary>Null when the card pays; otherwise Stripe's error code, decline code and message.</summary>
    public static (string Code, string? DeclineCode, string Message)? Decline(string number, int expMonth, int expYear, string cvc, DateTimeOffset now)
    {
        if (number.Length is < 12 or > 19 || !number.All(char.IsAsciiDigit) || !Luhn(number))
        {
            return ("incorrect_number", null, "Your card number is incorrect.");
        }
        if (expMonth is < 1 or > 12 || expYear < 100 || new DateTime(expYear, expMonth, 1).AddMonths(1) <= now.UtcDateTime)
        {
            return ("expired_card", null, "Your card has expired.");
        }
        if (cvc.Length is < 3 or > 4 || !cvc.All(char.IsAsciiDigit))
        {
            return ("invalid_cvc", null, "Your card's security code is invalid.");
        }
        return number switch
        {
            Succeeds => null,
            Declined => ("card_declined", "generic_decline", "Your card was declined."),
            InsufficientFunds => ("card_declined", "insufficient_funds", "Your card has insufficient funds."),
            _ => ("card_declined", "test_mode_live_card", "Your card was declined. Your request was in test mode, but used a non test (live) card."),
        };
    }

    public static string Brand(string number) => number.StartsWith('4') ? "visa" : number.StartsWith('5') ? "mastercard" : number.StartsWith("62", StringComparison.Ordinal) ? "unionpay" : "unknown";

    private static bool Luhn(string number)
    {
        var sum = 0;
        for (var i = 0; i < number.Length; i++)
        {
            var digit = number[number.Length - 1 - i] - '0';
            sum += i % 2 == 1 ? (digit * 2 > 9 ? digit * 2 - 9 : digit * 2) : digit;
        }
        return sum % 10 == 0;
    }
}
