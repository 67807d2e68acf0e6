namespace MallPortal.Core.Accounts;

/// <summary>The four roles. Every registered user is a Consumer; the others are granted.</summary>
public static class Roles
{
    public const string Admin = "Admin";
    public const string Merchant = "Merchant";
    public const string Distributor = "Distributor";
    public const string Consumer = "Consumer";

    public static readonly IReadOnlyList<string> All = [Admin, Merchant, Distributor, Consumer];
}
