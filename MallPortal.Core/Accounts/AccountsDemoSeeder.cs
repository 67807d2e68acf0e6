using MallPortal.Core.Seeding;
using Microsoft.AspNetCore.Identity;

namespace MallPortal.Core.Accounts;

/// <summary>
/// The demo's people: two merchants, a chain of three distributors (each invited by the one
/// before; the Distribution module's seeder applies, approves and links them) and six consumers (three of them
/// customers the distributors brought).
/// </summary>
public sealed class AccountsDemoSeeder(UserManager<MallUser> users, TimeProvider clock) : IDemoSeeder
{
    public const string DemoPassword = "demo1234";

    public static readonly IReadOnlyList<DemoLogin> Logins =
    [
        new("13800000001", "华南数码旗舰店 店主", [Roles.Merchant]),
        new("13800000002", "江南家居生活馆 店主", [Roles.Merchant]),
        new("13800000011", "一级分销员 王芳", [Roles.Distributor]),
        new("13800000012", "二级分销员 李强（王芳邀请）", [Roles.Distributor]),
        new("13800000013", "三级分销员 赵敏（李强邀请）", [Roles.Distributor]),
        new("13800000021", "消费者 陈静", []),
        new("13800000022", "消费者 刘洋", []),
        new("consumer@demo.mallportal.local", "消费者 周婷", []),
        new("13800000023", "消费者 孙丽（王芳的客户）", []),
        new("13800000024", "消费者 吴昊（王芳的客户）", []),
        new("13800000025", "消费者 郑爽（李强的客户）", []),
    ];

    public string Name => "accounts";

    public int Order => 100;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        foreach (var demo in Logins)
        {
            var user = MallUser.Register(LoginIdentifier.Parse(demo.Login), demo.Nickname, clock.GetUtcNow().UtcDateTime);
            var created = await users.CreateAsync(user, DemoPassword);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException($"Demo user {demo.Login}: {created.Errors.First().Description}");
            }
            // Distributors become distributors the real way: the Distribution module's seeder applies and approves them.
            await users.AddToRolesAsync(user, [Roles.Consumer, .. demo.ExtraRoles.Where(r => r != Roles.Distributor)]);
        }
    }
}

public sealed record DemoLogin(string Login, string Nickname, IReadOnlyList<string> ExtraRoles);
