namespace MallPortal.Core.Accounts;

/// <summary>What a verification code may be used for; a code for one purpose never works for another.</summary>
public enum VerificationPurpose
{
    Register,
    Login,
    ResetPassword,
    ChangeContact,

    /// <summary>Going on paying after too many attempts (支付风控).</summary>
    PaymentRisk,
}
