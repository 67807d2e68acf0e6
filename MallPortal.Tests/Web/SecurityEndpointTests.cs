using System.Net;
using MallPortal.Tests.Support;

namespace MallPortal.Tests.Web;

public class SecurityEndpointTests
{
    [Fact]
    public async Task Too_many_login_posts_from_one_client_get_429_with_a_Chinese_message()
    {
        using var factory = new MallPortalFactory(new Dictionary<string, string> { ["RateLimits:AccountPostsPerMinute"] = "3" });
        using var client = factory.CreateBrowserlessClient();

        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 4; i++)
        {
            answers.Add(await MallPortalFactory.PostLoginAsync(client, "13800000021", "wrong-password1"));
        }

        Assert.All(answers.Take(3), r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(HttpStatusCode.TooManyRequests, answers[3].StatusCode);
        Assert.Contains("操作过于频繁", await answers[3].Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Account/Login")).StatusCode); // pages still load
    }

    [Fact]
    public async Task Changing_the_password_signs_out_the_users_other_sessions_but_not_this_one()
    {
        using var factory = new MallPortalFactory(new Dictionary<string, string> { ["Accounts:SessionCheckSeconds"] = "0" });
        using var phone = factory.CreateBrowserlessClient();
        using var laptop = factory.CreateBrowserlessClient();
        const string login = "consumer@demo.mallportal.local";
        await MallPortalFactory.PostLoginAsync(phone, login, MallPortalFactory.DemoPassword);
        await MallPortalFactory.PostLoginAsync(laptop, login, MallPortalFactory.DemoPassword);
        Assert.Equal(HttpStatusCode.OK, (await laptop.GetAsync("/account")).StatusCode);

        var token = await MallPortalFactory.AntiforgeryTokenAsync(phone, "/Account/Manage/ChangePassword");
        var changed = await phone.PostAsync("/Account/Manage/ChangePassword", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "change-password",
            ["__RequestVerificationToken"] = token,
            ["Input.CurrentPassword"] = MallPortalFactory.DemoPassword,
            ["Input.NewPassword"] = "brandnew2026",
            ["Input.ConfirmPassword"] = "brandnew2026",
        }));

        Assert.Contains("密码已修改", await changed.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await phone.GetAsync("/account")).StatusCode);
        var laptopAfter = await laptop.GetAsync("/account");
        Assert.Equal(HttpStatusCode.Redirect, laptopAfter.StatusCode);
        Assert.StartsWith("/Account/Login", laptopAfter.Headers.Location!.PathAndQuery);
    }
}
