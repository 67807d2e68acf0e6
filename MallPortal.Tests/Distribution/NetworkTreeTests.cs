using MallPortal.Core.Common;
using MallPortal.Core.Data;
using MallPortal.Core.Distribution;
using MallPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace MallPortal.Tests.Distribution;

public class NetworkTreeTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers();

    [Theory, MemberData(nameof(Providers))]
    public async Task Moving_a_distributor_moves_its_team_and_writes_the_reason_to_the_audit_log(DatabaseProvider provider)
    {
        await using var kit = await DistributionTestKit.CreateAsync(provider);
        var (wang, li, zhao) = (await kit.RecordAsync(DistributionTestKit.Wang), await kit.RecordAsync(DistributionTestKit.Li),
            await kit.RecordAsync(DistributionTestKit.Zhao));

        await kit.Get<DistributorAdminService>().MoveAsync(await kit.AdminAsync(), li.Id, null, "团队独立运营");

        var (movedLi, movedZhao) = (await kit.RecordAsync(DistributionTestKit.Li), await kit.RecordAsync(DistributionTestKit.Zhao));
        Assert.Equal((null, $"/{li.Id}/", 1), (movedLi.ParentId, movedLi.Path, movedLi.Depth));
        Assert.Equal((li.Id, $"/{li.Id}/{zhao.Id}/", 2), (movedZhao.ParentId!.Value, movedZhao.Path, movedZhao.Depth));
        var audit = await kit.QueryAsync(db => db.DistributionAudits.SingleAsync(a => a.Kind == AuditKind.ParentMoved));
        Assert.Equal((li.Id, wang.Id, (int?)null, "团队独立运营"), (audit.SubjectDistributorId!.Value, audit.OldDistributorId!.Value, audit.NewDistributorId, audit.Reason));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Moves_that_loop_grow_too_deep_or_give_no_reason_change_nothing(DatabaseProvider provider)
    {
        await using var kit = await DistributionTestKit.CreateAsync(provider);
        var (wang, li, zhao) = (await kit.RecordAsync(DistributionTestKit.Wang), await kit.RecordAsync(DistributionTestKit.Li),
            await kit.RecordAsync(DistributionTestKit.Zhao));
        var admin = await kit.AdminAsync();
        var service = kit.Get<DistributorAdminService>();
        var other = await kit.ApprovedDistributorAsync("13900000201", "孙悦", "110105198803151232", null);
        var otherCode = (await kit.QueryAsync(db => db.Distributors.SingleAsync(d => d.UserId == other.UserId))).InviteCode;

        Assert.Contains("循环", (await Assert.ThrowsAsync<DomainException>(() => service.MoveAsync(admin, wang.Id, zhao.InviteCode, "调整"))).Message);
        Assert.Contains("最大层级", (await Assert.ThrowsAsync<DomainException>(() => service.MoveAsync(admin, wang.Id, otherCode, "调整"))).Message);
        await Assert.ThrowsAsync<DomainException>(() => service.MoveAsync(admin, li.Id, null, " "));
        var wangActor = await kit.DistributorAsync(DistributionTestKit.Wang);
        await Assert.ThrowsAsync<DomainException>(() => service.MoveAsync(wangActor, zhao.Id, null, "调整"));

        Assert.Equal(zhao.Path, (await kit.RecordAsync(DistributionTestKit.Zhao)).Path);
        Assert.Equal(0, await kit.QueryAsync(db => db.DistributionAudits.CountAsync(a => a.Kind == AuditKind.ParentMoved)));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_distributor_sees_only_its_own_downline(DatabaseProvider provider)
    {
        await using var kit = await DistributionTestKit.CreateAsync(provider);
        var team = kit.Get<TeamQueries>();
        var period = new Period(kit.Now.AddDays(-30), kit.Now.AddDays(1));
        var filter = new TeamFilter(null, null, 0, 20);

        var wang = await team.TeamAsync(await kit.DistributorAsync(DistributionTestKit.Wang), filter, period);
        var li = await team.TeamAsync(await kit.DistributorAsync(DistributionTestKit.Li), filter, period);
        var zhao = await team.TeamAsync(await kit.DistributorAsync(DistributionTestKit.Zhao), filter, period);
        var wangLevel2 = await team.TeamAsync(await kit.DistributorAsync(DistributionTestKit.Wang), filter with { Level = 2 }, period);
        var searched = await team.TeamAsync(await kit.DistributorAsync(DistributionTestKit.Wang), filter with { Search = "0013" }, period);

        Assert.Equal(["赵敏", "李强"], wang.Items.Select(m => m.Name).Order().Reverse());
        Assert.Equal("赵敏", Assert.Single(li.Items).Name);
        Assert.Empty(zhao.Items);
        Assert.Equal((2, "138****0013"), (Assert.Single(wangLevel2.Items).Level, wangLevel2.Items[0].Mobile));
        Assert.Equal("赵敏", Assert.Single(searched.Items).Name);
        var liRow = wang.Items.Single(m => m.Name == "李强");
        Assert.Equal((1, 1), (liRow.Orders, liRow.Customers));
        var consumer = await kit.ConsumerAsync("13800000021");
        await Assert.ThrowsAsync<DomainException>(() => team.TeamAsync(consumer, filter, period));
        // The role alone is not enough: a distributor role without a distributor record sees nothing.
        var pretender = await kit.DistributorAsync("13800000021");
        await Assert.ThrowsAsync<DomainException>(() => team.TeamAsync(pretender, filter, period));
    }
}
