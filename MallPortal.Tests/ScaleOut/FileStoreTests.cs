using MallPortal.Core.Files;
using MallPortal.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace MallPortal.Tests.ScaleOut;

/// <summary>Both stores keep the same promises: what is saved reads back byte for byte, a missing file is null, a path cannot climb out.</summary>
public class FileStoreTests
{
    [Fact]
    public async Task The_local_store_keeps_the_file_store_promises()
    {
        var root = Path.Combine(Path.GetTempPath(), "mallportal-files-" + Guid.NewGuid().ToString("N"));
        try
        {
            await KeepsPromisesAsync(new LocalFileStore(root));
        }
        finally
        {
            if (Directory.Exists(root))
            {
                Directory.Delete(root, recursive: true);
            }
        }
    }

    [ScaleOutFact("s3")]
    public async Task An_s3_compatible_bucket_keeps_the_file_store_promises()
    {
        using var store = S3Store("run-" + Guid.NewGuid().ToString("N")[..8] + "/");
        await KeepsPromisesAsync(store);
    }

    [ScaleOutFact("s3")]
    public async Task Two_stores_on_one_bucket_read_each_others_files_as_two_app_instances_do()
    {
        var prefix = "shared-" + Guid.NewGuid().ToString("N")[..8] + "/";
        using var a = S3Store(prefix);
        using var b = S3Store(prefix);
        await a.SaveAsync("avatars/x.jpg", [1, 2, 3]);
        await using var read = await b.OpenReadAsync("avatars/x.jpg");
        Assert.Equal([1, 2, 3], ReadAll(read!));
    }

    [Fact]
    public void An_s3_store_without_a_bucket_or_keys_stops_the_start_with_the_setting_to_fix()
    {
        var services = new ServiceCollection();
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Files:Store"] = "S3",
            ["Files:S3:ServiceUrl"] = "http://127.0.0.1:9",
            ["Files:S3:AccessKey"] = "key",
            ["Files:S3:SecretKey"] = "secret",
        }).Build();

        var refused = Assert.Throws<InvalidOperationException>(() => services.AddFileStore(config, Path.GetTempPath()));
        Assert.Contains("Files:S3:Bucket", refused.Message);
        Assert.Empty(services);
    }

    private static S3FileStore S3Store(string prefix) => new(new S3StoreOptions
    {
        ServiceUrl = TestEnvironment.S3ServiceUrl ?? throw new InvalidOperationException("MALLPORTAL_TEST_S3 is not set"),
        Bucket = "mallportal-test",
        AccessKey = "S3RVER",
        SecretKey = "S3RVER",
        ForcePathStyle = true,
        Prefix = prefix,
    });

    private static async Task KeepsPromisesAsync(IFileStore store)
    {
        var photo = Enumerable.Range(0, 70_000).Select(i => (byte)(i * 7)).ToArray();
        await store.SaveAsync("reviews/12-photo.jpg", photo);
        await using (var read = await store.OpenReadAsync("reviews/12-photo.jpg"))
        {
            Assert.Equal(photo, ReadAll(read!));
        }

        await store.SaveAsync("reviews/12-photo.jpg", [9]);
        await using (var replaced = await store.OpenReadAsync("reviews/12-photo.jpg"))
        {
            Assert.Equal([9], ReadAll(replaced!));
        }

        Assert.Null(await store.OpenReadAsync("reviews/none.jpg"));
        await store.DeleteAsync("reviews/12-photo.jpg");
        Assert.Null(await store.OpenReadAsync("reviews/12-photo.jpg"));

        foreach (var climbing in new[] { "../keys/key.xml", "/etc/passwd", "reviews/../../x", "reviews\\x.jpg", "" })
        {
            await Assert.ThrowsAsync<ArgumentException>(() => store.SaveAsync(climbing, [1]));
            await Assert.ThrowsAsync<ArgumentException>(() => store.OpenReadAsync(climbing));
        }
    }

    private static byte[] ReadAll(Stream stream)
    {
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }
}
