namespace MallPortal.Core.Accounts;

/// <summary>What a verification code may be used for; a code for one purpose never works for another.</summary>
public enum VerificationPurpose
{
    Register,
    Login,
    ResetPassword,
    ChangeContact,
}
