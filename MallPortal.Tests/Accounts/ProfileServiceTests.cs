using MallPortal.Core.Accounts;
using MallPortal.Core.Common;
using MallPortal.Core.Data;
using MallPortal.Core.Files;
using MallPortal.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;

namespace MallPortal.Tests.Accounts;

public class ProfileServiceTests
{
    [Fact]
    public async Task An_avatar_is_checked_by_content_and_stored_as_a_small_square_jpeg()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var actor = PasswordAndContactTests.ActorOf(await AccountServiceTests.RegisterByPhoneAsync(db, "13900001111"));

        var path = await db.Services.GetRequiredService<ProfileService>().ChangeAvatarAsync(actor, Png(800, 600));

        using var stored = (await db.Services.GetRequiredService<IFileStore>().OpenReadAsync(path))!;
        using var image = SKBitmap.Decode(stored);
        Assert.Equal((256, 256), (image.Width, image.Height));
        Assert.Equal(path, (await db.Services.GetRequiredService<AccountQueries>().GetProfileAsync(actor)).AvatarPath);
    }

    [Fact]
    public async Task A_text_file_named_like_a_picture_or_an_oversize_image_is_refused_and_nothing_changes()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var actor = PasswordAndContactTests.ActorOf(await AccountServiceTests.RegisterByPhoneAsync(db, "13900001111"));
        var profiles = db.Services.GetRequiredService<ProfileService>();
        var disguised = "<script>alert(1)</script> pretending to be avatar.png"u8.ToArray();
        var oversize = new byte[ProfileService.MaxAvatarBytes + 1];
        Png(10, 10).CopyTo(oversize, 0);

        var wrongType = await Assert.ThrowsAsync<DomainException>(() => profiles.ChangeAvatarAsync(actor, disguised));
        var tooLarge = await Assert.ThrowsAsync<DomainException>(() => profiles.ChangeAvatarAsync(actor, oversize));

        Assert.Equal("请上传 JPG、PNG 或 WebP 格式的图片", wrongType.Message);
        Assert.Equal("图片不能超过 2 MB", tooLarge.Message);
        Assert.Null((await db.Services.GetRequiredService<AccountQueries>().GetProfileAsync(actor)).AvatarPath);
        Assert.False(Directory.Exists(Path.Combine(db.DataFolder, "files", "avatars")));
    }

    [Fact]
    public async Task Nickname_gender_and_birthday_are_saved_and_a_future_birthday_is_refused()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var actor = PasswordAndContactTests.ActorOf(await AccountServiceTests.RegisterByPhoneAsync(db, "13900001111"));
        var profiles = db.Services.GetRequiredService<ProfileService>();

        await profiles.UpdateAsync(actor, new ProfileInput("小林", Gender.Female, new DateOnly(1995, 5, 20)));
        var error = await Assert.ThrowsAsync<DomainException>(() =>
            profiles.UpdateAsync(actor, new ProfileInput("改名", Gender.Male, new DateOnly(2027, 1, 1))));

        var profile = await db.Services.GetRequiredService<AccountQueries>().GetProfileAsync(actor);
        Assert.Equal(("小林", Gender.Female, new DateOnly(1995, 5, 20)), (profile.Nickname, profile.Gender, profile.Birthday!.Value));
        Assert.Equal("Birthday", error.Field);
    }

    internal static byte[] Png(int width, int height)
    {
        using var bitmap = new SKBitmap(width, height);
        bitmap.Erase(SKColors.OrangeRed);
        using var data = SKImage.FromBitmap(bitmap).Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}
