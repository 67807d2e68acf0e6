namespace MallPortal.Core.Notifications.Email;

/// <summary><c>Email:*</c> settings. Mode Pickup writes .eml files (development); Smtp sends.</summary>
public sealed class EmailOptions
{
    public const string Section = "Email";

    public string Mode { get; set; } = "Pickup";

    /// <summary>Folder for .eml files in Pickup mode; relative paths are under the data folder.</summary>
    public string PickupFolder { get; set; } = "mail-pickup";

    public string Host { get; set; } = "127.0.0.1";

    public int Port { get; set; } = 25;

    /// <summary>None, StartTls (port 587) or SslOnConnect (port 465).</summary>
    public string Security { get; set; } = "StartTls";

    public string? UserName { get; set; }

    public string? Password { get; set; }

    public string FromAddress { get; set; } = "noreply@mallportal.local";

    public string FromName { get; set; } = "MallPortal 商城";
}
