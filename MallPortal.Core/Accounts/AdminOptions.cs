namespace MallPortal.Core.Accounts;

/// <summary>The first platform administrator (<c>Admin:*</c>), created at the first start.</summary>
public sealed class AdminOptions
{
    public const string Section = "Admin";

    /// <summary>Mobile number or e-mail the admin logs in with.</summary>
    public string Login { get; set; } = "admin@mallportal.local";

    /// <summary>Empty: a random password is generated and printed once, at the first start.</summary>
    public string? Password { get; set; }

    public string Nickname { get; set; } = "平台管理员";
}
