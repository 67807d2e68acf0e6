using System.Diagnostics;
using System.Net;
using MallPortal.Core.Accounts;
using MallPortal.Core.Catalog;
using MallPortal.Core.Catalog.Reviews;
using MallPortal.Core.Common;
using MallPortal.Core.Data;
using MallPortal.Core.Distribution;
using MallPortal.Core.Files;
using MallPortal.Core.Orders.AfterSales;
using MallPortal.Tests.Accounts;
using MallPortal.Tests.Orders;
using MallPortal.Tests.Orders.AfterSales;
using MallPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SkiaSharp;
using Xunit.Abstractions;

namespace MallPortal.Tests.Security;

public class UploadCorpusTests(ITestOutputHelper output)
{
    /// <summary>Every service method that takes an uploaded file, by name.</summary>
    private static readonly Dictionary<string, Func<OrderTestKit, Task<UploadPath>>> Paths = new()
    {
        ["avatar"] = AvatarAsync,
        ["product-picture"] = ProductPictureAsync,
        ["review-photo"] = ReviewPhotoAsync,
        ["merchant-licence"] = MerchantLicenceAsync,
        ["distributor-document"] = DistributorDocumentAsync,
        ["after-sale-claim-photo"] = ClaimPhotoAsync,
        ["after-sale-refusal-photo"] = RefusalPhotoAsync,
    };

    public static TheoryData<string> PathNames => new(Paths.Keys);

    [Theory, MemberData(nameof(PathNames))]
    public async Task Hostile_and_broken_files_are_refused_with_a_clear_message_and_polyglots_are_stored_without_their_payload(string name)
    {
        var store = new RecordingFileStore();
        await using var kit = await OrderTestKit.CreateAsync(DatabaseProvider.Sqlite,
            configure: services => services.RemoveAll<IFileStore>().AddSingleton<IFileStore>(store));
        var path = await Paths[name](kit);
        var tried = 0;

        foreach (var file in HostileFile.All(path.MaxBytes))
        {
            var upload = await path.NextAsync();
            var (before, state) = (store.Files.Keys.ToHashSet(), await path.StateAsync());
            var clock = Stopwatch.StartNew();
            var error = await Record.ExceptionAsync(() => upload(file.Content));
            clock.Stop();
            tried++;
            if (file.Expected is null)
            {
                Assert.Null(error);
                var stored = store.Files.Single(f => !before.Contains(f.Key)).Value;
                using var codec = SKCodec.Create(new MemoryStream(stored));
                Assert.Equal(SKEncodedImageFormat.Jpeg, codec.EncodedFormat);
                Assert.DoesNotContain(file.Payload!, System.Text.Encoding.Latin1.GetString(stored));
                continue;
            }
            var refused = Assert.IsType<DomainException>(error);
            var expected = file.Content.Length == 0 ? path.EmptyMessage ?? file.Expected : file.Expected;
            Assert.True(expected == refused.Message, $"{name} / {file.Name}: \"{refused.Message}\"");
            Assert.Equal(before, store.Files.Keys.ToHashSet());
            Assert.Equal(state, await path.StateAsync());
            if (file.Name.Contains("bomb"))
            {
                // Decoding 2.5 billion pixels would take 10 GB and many seconds: the header alone refuses it.
                Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"{name}: the bomb took {clock.Elapsed}");
            }
        }

        output.WriteLine($"{name}: {tried} uploads tried, {HostileFile.All(path.MaxBytes).Count(f => f.Expected is not null)} refused");
        Assert.Equal(11, tried);
    }

    /// <param name="NextAsync">Sets up one attempt (a fresh order, a rejected earlier application) and returns the upload.</param>
    /// <param name="StateAsync">What an upload changes in the database, to show a refused one changed nothing.</param>
    /// <param name="EmptyMessage">Where an empty file means "nothing uploaded", the path's own message for a missing file.</param>
    private sealed record UploadPath(long MaxBytes, Func<Task<Func<byte[], Task>>> NextAsync, Func<Task<string>> StateAsync, string? EmptyMessage = null);

    private static async Task<UploadPath> AvatarAsync(OrderTestKit kit)
    {
        var buyer = await kit.ConsumerAsync();
        return new(ProfileService.MaxAvatarBytes, Ready(content => kit.Get<ProfileService>().ChangeAvatarAsync(buyer, content)),
            () => kit.QueryAsync(c => c.Users.Where(u => u.Id == buyer.UserId).Select(u => u.AvatarPath ?? "").SingleAsync()));
    }

    private static async Task<UploadPath> ProductPictureAsync(OrderTestKit kit)
    {
        var merchant = await kit.MerchantAsync();
        return new(ShopService.MaxImageBytes, Ready(content => kit.Get<ShopService>().UploadImageAsync(merchant, content)), () => Task.FromResult(""));
    }

    private static async Task<UploadPath> ReviewPhotoAsync(OrderTestKit kit)
    {
        var (buyer, address) = await kit.BuyerAsync();
        var sku = await kit.SkuAsync(available: 50);
        return new(ReviewService.MaxPhotoBytes, async () =>
        {
            var lineId = (await kit.OrderAsync(await kit.CompletedOrderAsync(buyer, address, sku.SkuId))).Lines.Single().Id;
            return content => kit.Get<ReviewService>().SubmitAsync(buyer, lineId, 5, "有图", [content]);
        }, () => Count(kit, c => c.ProductReviews.CountAsync()));
    }

    private static async Task<UploadPath> MerchantLicenceAsync(OrderTestKit kit)
    {
        // MerchantApplicationService is registered scoped.
        var applications = kit.Db.Services.CreateScope().ServiceProvider.GetRequiredService<MerchantApplicationService>();
        var (applicant, admin) = (await kit.ConsumerAsync(), await kit.AdminAsync());
        return new(MerchantApplicationService.MaxLicenceBytes, async () =>
        {
            // An accepted polyglot leaves a pending application; rejecting it lets the applicant try again.
            foreach (var id in await kit.QueryAsync(c => c.MerchantApplications.Where(a => a.ApplicantUserId == applicant.UserId && a.Status == ApplicationStatus.Pending)
                         .Select(a => a.Id).ToListAsync()))
            {
                await applications.RejectAsync(admin, id, "资料不清晰");
            }
            return content => applications.SubmitAsync(applicant, new MerchantApplicationInput("潮玩星球", "王磊", "13800000021", "91350100M000100Y43"), content);
        }, () => Count(kit, c => c.MerchantApplications.CountAsync()), "请上传营业执照照片");
    }

    private static async Task<UploadPath> DistributorDocumentAsync(OrderTestKit kit)
    {
        var (applicant, admin, applications) = (await kit.ConsumerAsync(), await kit.AdminAsync(), kit.Get<DistributorApplicationService>());
        var input = new DistributorApplicationInput(ApplicantKind.Individual, "陈静", "110105199003071239", null, null, "13800000021", "北京市 海淀区", "想分享好物", null);
        return new(DistributorApplicationService.MaxDocumentBytes, async () =>
        {
            foreach (var id in await kit.QueryAsync(c => c.DistributorApplications.Where(a => a.ApplicantUserId == applicant.UserId && a.Status == ApplicationStatus.Pending)
                         .Select(a => a.Id).ToListAsync()))
            {
                await applications.RejectAsync(admin, id, "证件不清晰");
            }
            return content => applications.SubmitAsync(applicant, input, [content]);
        }, () => Count(kit, c => c.DistributorApplications.CountAsync()));
    }

    private static Task<UploadPath> ClaimPhotoAsync(OrderTestKit kit) =>
        Task.FromResult(new UploadPath(AfterSaleService.MaxPhotoBytes, async () =>
        {
            var (buyer, number, lineId, _) = await AfterSaleTestKit.OrderAsync(kit);
            return content => kit.Get<AfterSaleService>().ApplyAsync(buyer, number, lineId,
                new AfterSaleClaim(AfterSaleType.ReturnAndRefund, AfterSaleReason.Quality, 1, "有问题"), [content]);
        }, () => Count(kit, c => c.AfterSales.CountAsync())));

    private static async Task<UploadPath> RefusalPhotoAsync(OrderTestKit kit)
    {
        await AfterSaleTestKit.SetReturnAddressAsync(kit);
        var merchant = await kit.MerchantAsync();
        return new(AfterSaleService.MaxPhotoBytes, async () =>
        {
            var (buyer, number, lineId, _) = await AfterSaleTestKit.OrderAsync(kit);
            var sale = await AfterSaleTestKit.ApplyAsync(kit, buyer, number, lineId);
            await kit.Get<MerchantAfterSaleService>().ApproveAsync(merchant, sale);
            await kit.Get<AfterSaleService>().ShipBackAsync(buyer, sale, "shunfeng", "SF1234567890999");
            return content => kit.Get<MerchantAfterSaleService>().RefuseReturnAsync(merchant, sale, "寄回的是旧货", [content]);
        }, () => Count(kit, c => c.AfterSales.CountAsync(a => a.RefusalPhotos != "")));
    }

    private static Func<Task<Func<byte[], Task>>> Ready(Func<byte[], Task> upload) => () => Task.FromResult(upload);

    private static async Task<string> Count(OrderTestKit kit, Func<MallDbContext, Task<int>> count) => (await kit.QueryAsync(count)).ToString();

    [Fact]
    public async Task Pictures_are_served_as_jpeg_with_nosniff_and_private_files_are_never_cached_nor_shown_to_others()
    {
        using var factory = new MallPortalFactory();
        using var anonymous = factory.CreateBrowserlessClient();
        var files = factory.Services.GetRequiredService<IFileStore>();
        await files.SaveAsync("avatars/probe.jpg", HostileFile.Jpeg(16, 16));

        var avatar = await anonymous.GetAsync("/files/avatars/probe.jpg");
        Assert.Equal((HttpStatusCode.OK, "image/jpeg"), (avatar.StatusCode, avatar.Content.Headers.ContentType?.MediaType));
        Assert.Equal("nosniff", Assert.Single(avatar.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/files/avatars/probe.html")).StatusCode);

        var contexts = factory.Services.GetRequiredService<IDbContextFactory<MallDbContext>>();
        await using var db = await contexts.CreateDbContextAsync();
        var applicantId = await db.Users.Where(u => u.PhoneNumber == "13800000021").Select(u => u.Id).SingleAsync();
        using var scope = factory.Services.CreateScope();
        var licence = await scope.ServiceProvider.GetRequiredService<MerchantApplicationService>().SubmitAsync(new Actor(applicantId, new HashSet<string> { Roles.Consumer }),
            new MerchantApplicationInput("潮玩星球", "王磊", "13800000021", "91350100M000100Y43"), ProfileServiceTests.Png(300, 200));
        var sale = await db.AfterSales.OrderBy(a => a.Id).FirstAsync();
        const string photo = "aftersales/202612/0123456789abcdef0123456789abcdef.jpg";
        await db.AfterSales.Where(a => a.Id == sale.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.Photos, photo));
        await files.SaveAsync(photo, HostileFile.Jpeg(16, 16));
        var buyerPhone = await db.Users.Where(u => u.Id == sale.BuyerUserId).Select(u => u.PhoneNumber!).SingleAsync();
        var strangerPhone = buyerPhone == "13800000021" ? "13800000022" : "13800000021";

        using var admin = await SignedInAsync(factory, MallPortalFactory.AdminLogin, MallPortalFactory.AdminPassword);
        using var buyer = await SignedInAsync(factory, buyerPhone, MallPortalFactory.DemoPassword);
        using var stranger = await SignedInAsync(factory, strangerPhone, MallPortalFactory.DemoPassword);
        using var applicant = await SignedInAsync(factory, "13800000021", MallPortalFactory.DemoPassword);
        var licenceUrl = $"/admin/merchant-applications/{licence}/licence";
        var photoUrl = "/files/" + photo;

        AssertPrivateJpeg(await admin.GetAsync(licenceUrl));
        AssertPrivateJpeg(await buyer.GetAsync(photoUrl));
        AssertPrivateJpeg(await admin.GetAsync(photoUrl));
        foreach (var (client, url) in new[] { (anonymous, licenceUrl), (applicant, licenceUrl), (anonymous, photoUrl), (stranger, photoUrl) })
        {
            var refused = await client.GetAsync(url);
            Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
            Assert.NotEqual("image/jpeg", refused.Content.Headers.ContentType?.MediaType);
        }
    }

    private static void AssertPrivateJpeg(HttpResponseMessage response)
    {
        Assert.Equal((HttpStatusCode.OK, "image/jpeg"), (response.StatusCode, response.Content.Headers.ContentType?.MediaType));
        Assert.True(response.Headers.CacheControl is { NoStore: true, Private: true }, $"Cache-Control: {response.Headers.CacheControl}");
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
    }

    private static async Task<HttpClient> SignedInAsync(MallPortalFactory factory, string login, string password)
    {
        var client = factory.CreateBrowserlessClient();
        var signedIn = await MallPortalFactory.PostLoginAsync(client, login, password);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        return client;
    }
}
