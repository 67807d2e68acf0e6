using MallPortal.Core.Accounts;
using MallPortal.Core.Catalog;
using MallPortal.Core.Common;
using MallPortal.Core.Data;
using MallPortal.Core.Distribution;
using MallPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace MallPortal.Tests.Distribution;

public class DistributorApplicationTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers();

    [Theory, MemberData(nameof(Providers))]
    public async Task Approval_places_the_applicant_under_the_inviter_with_the_role_a_code_an_audit_row_and_a_message(DatabaseProvider provider)
    {
        await using var kit = await DistributionTestKit.CreateAsync(provider);
        var li = await kit.RecordAsync(DistributionTestKit.Li);

        var actor = await kit.ApprovedDistributorAsync("13900000101", "孙悦", "110105198803151232", li.InviteCode.ToLowerInvariant());

        var me = await kit.QueryAsync(db => db.Distributors.AsNoTracking().SingleAsync(d => d.UserId == actor.UserId));
        Assert.Equal((li.Id, li.Path + me.Id + "/", 3), (me.ParentId!.Value, me.Path, me.Depth));
        Assert.Matches("^[2-9A-Z]{6}$", me.InviteCode);
        Assert.True(await kit.QueryAsync(db => (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id
                                                where ur.UserId == actor.UserId && r.Name == Roles.Distributor select ur).AnyAsync()));
        Assert.True(await kit.QueryAsync(db => db.DistributionAudits.AnyAsync(a => a.Kind == AuditKind.Joined && a.SubjectDistributorId == me.Id && a.NewDistributorId == li.Id)));
        Assert.True(await kit.QueryAsync(db => db.Notifications.AnyAsync(n => n.UserId == actor.UserId && n.Body.Contains(me.InviteCode))));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Bad_applications_are_refused_with_their_reason_and_store_nothing(DatabaseProvider provider)
    {
        await using var kit = await DistributionTestKit.CreateAsync(provider);
        var user = await kit.NewUserAsync("13900000102");
        var applications = kit.Get<DistributorApplicationService>();
        var zhao = await kit.RecordAsync(DistributionTestKit.Zhao);
        var wang = await kit.RecordAsync(DistributionTestKit.Wang);
        await kit.Get<DistributorAdminService>().SuspendAsync(await kit.AdminAsync(), wang.Id, "违规推广");

        async Task<string> Refused(DistributorApplicationInput input, IReadOnlyList<byte[]>? documents = null) =>
            (await Assert.ThrowsAsync<DomainException>(() => applications.SubmitAsync(user, input, documents ?? []))).Message;

        Assert.Contains("身份证号码无效", await Refused(DistributionTestKit.Individual("孙悦", "110105198803151233", "13900000102")));
        Assert.Contains("手机号", await Refused(DistributionTestKit.Individual("孙悦", "110105198803151232", "12345")));
        Assert.Contains("真实姓名", await Refused(DistributionTestKit.Individual(" ", "110105198803151232", "13900000102")));
        Assert.Contains("邀请码不存在", await Refused(DistributionTestKit.Individual("孙悦", "110105198803151232", "13900000102", "ZZZZZZ")));
        Assert.Contains("已停用", await Refused(DistributionTestKit.Individual("孙悦", "110105198803151232", "13900000102", wang.InviteCode)));
        Assert.Contains("3 级上限", await Refused(DistributionTestKit.Individual("孙悦", "110105198803151232", "13900000102", zhao.InviteCode)));
        var company = new DistributorApplicationInput(ApplicantKind.Enterprise, "王磊", null, "潮玩星球科技有限公司", "91350100M000100Y44", "13900000102",
            "福建省 福州市", "企业团购渠道", null);
        Assert.Contains("统一社会信用代码", await Refused(company));
        Assert.Contains("营业执照", await Refused(company with { CreditCode = "91350100M000100Y43" }));
        Assert.Equal(0, await kit.QueryAsync(db => db.DistributorApplications.CountAsync(a => a.ApplicantUserId == user.UserId)));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_rejected_applicant_reads_the_reason_and_applies_again_but_not_twice_at_once(DatabaseProvider provider)
    {
        await using var kit = await DistributionTestKit.CreateAsync(provider);
        var user = await kit.NewUserAsync("13900000103");
        var applications = kit.Get<DistributorApplicationService>();
        var input = DistributionTestKit.Individual("孙悦", "110105198803151232", "13900000103");
        var first = await applications.SubmitAsync(user, input, []);
        await Assert.ThrowsAsync<DomainException>(() => applications.SubmitAsync(user, input, []));

        await applications.RejectAsync(await kit.AdminAsync(), first, "请填写真实的推广渠道");
        var mine = await kit.Get<NetworkQueries>().MineAsync(user);
        await applications.SubmitAsync(user, input, []);

        Assert.Equal((ApplicationStatus.Rejected, "请填写真实的推广渠道"), (mine!.Status, mine.RejectReason));
        Assert.Equal("110105********1232", mine.IdNumber);
        Assert.Equal(2, await kit.QueryAsync(db => db.DistributorApplications.CountAsync(a => a.ApplicantUserId == user.UserId)));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Only_the_admin_reviews_and_opens_documents_and_the_invited_only_policy_needs_a_code(DatabaseProvider provider)
    {
        await using var kit = await DistributionTestKit.CreateAsync(provider);
        var user = await kit.NewUserAsync("13900000104");
        var applications = kit.Get<DistributorApplicationService>();
        var photo = DemoPicture();
        var id = await applications.SubmitAsync(user, DistributionTestKit.Individual("孙悦", "110105198803151232", "13900000104"), [photo]);
        var wang = await kit.DistributorAsync(DistributionTestKit.Wang);

        await Assert.ThrowsAsync<DomainException>(() => applications.ApproveAsync(wang, id));
        await Assert.ThrowsAsync<DomainException>(() => applications.OpenDocumentAsync(user, id, 0));
        await Assert.ThrowsAsync<DomainException>(() => kit.Get<NetworkQueries>().ApplicationsAsync(wang, null));
        await using (var document = await applications.OpenDocumentAsync(await kit.AdminAsync(), id, 0))
        {
            Assert.NotNull(document);
        }
        var queue = await kit.Get<NetworkQueries>().ApplicationsAsync(await kit.AdminAsync(), ApplicationStatus.Pending);
        Assert.Equal("110105198803151232", Assert.Single(queue, a => a.Id == id).IdNumber);

        var admin = await kit.AdminAsync();
        var store = kit.Get<DistributionSettingsStore>();
        await store.SaveAsync(admin, (await store.GetAsync()).ToInput() with { ApplyPolicy = ApplyPolicy.InvitedOnly });
        var other = await kit.NewUserAsync("13900000105");
        var ex = await Assert.ThrowsAsync<DomainException>(() => applications.SubmitAsync(other, DistributionTestKit.Individual("钱多多", "310115199207082466", "13900000105"), []));
        Assert.Contains("邀请码", ex.Message);
        var current = (await store.GetAsync()).ToInput();
        await Assert.ThrowsAsync<DomainException>(() => store.SaveAsync(wang, current));
        await Assert.ThrowsAsync<DomainException>(() => store.SaveAsync(admin, current with { MaxDepth = 4 }));
    }

    private static byte[] DemoPicture()
    {
        using var bitmap = new SkiaSharp.SKBitmap(40, 30);
        bitmap.Erase(SkiaSharp.SKColors.SkyBlue);
        using var image = SkiaSharp.SKImage.FromBitmap(bitmap);
        return image.Encode(SkiaSharp.SKEncodedImageFormat.Png, 100).ToArray();
    }
}
