using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MallPortal.Core.Files;

public static class FileStoreRegistration
{
    /// <summary>The store <c>Files:Store</c> names: the data folder's files/ by default, else an S3-compatible bucket.</summary>
    public static IServiceCollection AddFileStore(this IServiceCollection services, IConfiguration configuration, string dataFolder)
    {
        var options = configuration.GetSection(FileStoreOptions.Section).Get<FileStoreOptions>() ?? new FileStoreOptions();
        if (options.Store == FileStoreKind.S3)
        {
            if (options.S3.Problem() is { } problem)
            {
                throw new InvalidOperationException(problem);
            }
            services.TryAddSingleton<IFileStore>(_ => new S3FileStore(options.S3));
        }
        else
        {
            services.TryAddSingleton<IFileStore>(new LocalFileStore(Path.Combine(dataFolder, "files")));
        }
        return services;
    }
}
