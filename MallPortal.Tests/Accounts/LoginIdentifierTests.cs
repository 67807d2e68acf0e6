using MallPortal.Core.Accounts;
using MallPortal.Core.Common;

namespace MallPortal.Tests.Accounts;

public class LoginIdentifierTests
{
    [Theory]
    [InlineData("13800138000", "13800138000")]
    [InlineData(" 138 0013 8000 ", "13800138000")]
    [InlineData("+86 13800138000", "13800138000")]
    [InlineData("8613800138000", "13800138000")]
    [InlineData("199-0000-1111", "19900001111")]
    public void A_mainland_mobile_number_is_normalized(string input, string expected)
    {
        var login = LoginIdentifier.Parse(input);
        Assert.Equal(LoginKind.Mobile, login.Kind);
        Assert.Equal(expected, login.Value);
    }

    [Theory]
    [InlineData("zhang.wei@example.com")]
    [InlineData("a@b.cn")]
    public void An_email_address_is_accepted(string input) =>
        Assert.Equal(LoginKind.Email, LoginIdentifier.Parse(input).Kind);

    [Theory]
    [InlineData("")]
    [InlineData("12800138000")]   // second digit 2 is not a mobile prefix
    [InlineData("1380013800")]    // 10 digits
    [InlineData("138001380001")]  // 12 digits
    [InlineData("abc")]
    [InlineData("zhang@")]
    [InlineData("zhang@example")]
    [InlineData("a b@example.com")]
    public void Anything_else_is_refused_with_a_message(string input)
    {
        var error = Assert.Throws<DomainException>(() => LoginIdentifier.Parse(input));
        Assert.Equal("Login", error.Field);
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
    }

    [Fact]
    public void Masks_for_lists()
    {
        Assert.Equal("138****8000", LoginIdentifier.Parse("13800138000").Masked());
        Assert.Equal("z***@example.com", LoginIdentifier.Parse("zhang@example.com").Masked());
    }
}
