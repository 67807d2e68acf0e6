namespace MallPortal.Core.Accounts;

public enum Gender
{
    Unspecified,
    Male,
    Female,
}
