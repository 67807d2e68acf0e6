using System.Net;
using MallPortal.Core.Data;
using MallPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MallPortal.Tests.Web;

public class AccountPagesTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one()
    {
        using var client = app.Factory.CreateBrowserlessClient();
        for (var i = 0; i < 4; i++)
        {
            var wrong = await MallPortalFactory.PostLoginAsync(client, "13800000022", "wrong-password1");
            Assert.Contains("账号或密码错误", await wrong.Content.ReadAsStringAsync());
        }

        var fifth = await MallPortalFactory.PostLoginAsync(client, "13800000022", "wrong-password1");
        var right = await MallPortalFactory.PostLoginAsync(client, "13800000022", MallPortalFactory.DemoPassword);

        Assert.EndsWith("Account/Lockout", fifth.Headers.Location?.OriginalString);
        Assert.EndsWith("Account/Lockout", right.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("https://evil.example.com/x", "/")]
    [InlineData("//evil.example.com/x", "/")]
    [InlineData("/\\evil.example.com", "/")]
    [InlineData("javascript:alert(1)", "/")]
    [InlineData("/account/addresses", "/account/addresses")]
    public async Task After_login_only_a_local_return_address_is_followed(string returnUrl, string expected)
    {
        using var client = app.Factory.CreateBrowserlessClient();

        var response = await MallPortalFactory.PostLoginAsync(client, "13800000021", MallPortalFactory.DemoPassword, returnUrl);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = new Uri(new Uri("http://localhost/"), response.Headers.Location!);
        Assert.Equal(("localhost", expected), (location.Host, location.PathAndQuery));
    }

    [Fact]
    public async Task The_admin_without_a_return_address_starts_at_the_admin_desk()
    {
        using var client = app.Factory.CreateBrowserlessClient();

        var response = await MallPortalFactory.PostLoginAsync(client, MallPortalFactory.AdminLogin, MallPortalFactory.AdminPassword);

        Assert.EndsWith("/admin", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task An_unknown_account_gets_the_same_answer_as_a_wrong_password()
    {
        using var client = app.Factory.CreateBrowserlessClient();

        var response = await MallPortalFactory.PostLoginAsync(client, "13999999999", "whatever123");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("账号或密码错误", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("1380013800", "secret123", "secret123", "请输入正确的手机号或邮箱")]
    [InlineData("13800000001", "secret123", "secret123", "该手机号已注册")]
    [InlineData("consumer@demo.mallportal.local", "secret123", "secret123", "该邮箱已注册")]
    [InlineData("13900000001", "short1", "short1", "密码至少 8 位")]
    [InlineData("13900000002", "secret123", "secret124", "两次输入的密码不一致")]
    public async Task Bad_registrations_show_a_Chinese_message_keep_the_input_and_create_nothing(
        string login, string password, string confirm, string message)
    {
        using var client = app.Factory.CreateBrowserlessClient();
        var usersBefore = await CountUsersAsync();
        var token = await MallPortalFactory.AntiforgeryTokenAsync(client, "/Account/Register");

        var response = await client.PostAsync("/Account/Register", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "register",
            ["__RequestVerificationToken"] = token,
            ["Input.Login"] = login,
            ["Input.Nickname"] = "测试昵称",
            ["Input.Password"] = password,
            ["Input.ConfirmPassword"] = confirm,
        }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains(message, html);
        Assert.Contains("value=\"测试昵称\"", html);
        Assert.Equal(usersBefore, await CountUsersAsync());
    }

    private async Task<int> CountUsersAsync()
    {
        var contexts = app.Factory.Services.GetRequiredService<IDbContextFactory<MallDbContext>>();
        await using var db = await contexts.CreateDbContextAsync();
        return await db.Users.CountAsync();
    }
}
