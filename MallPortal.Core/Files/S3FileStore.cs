using System.Net;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;

namespace MallPortal.Core.Files;

/// <summary>
/// Files in an S3-compatible bucket, so every app instance reads what any instance stored. Checksums are sent only
/// when an operation requires them: Aliyun OSS, Tencent COS and most S3-compatible servers refuse the SDK's newer
/// default trailing checksums.
/// </summary>
public sealed class S3FileStore : IFileStore, IDisposable
{
    private readonly AmazonS3Client _client;
    private readonly S3StoreOptions _options;

    public S3FileStore(S3StoreOptions options)
    {
        if (options.Problem() is { } problem)
        {
            throw new InvalidOperationException(problem);
        }
        _options = options;
        var config = new AmazonS3Config
        {
            ForcePathStyle = options.ForcePathStyle,
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
            AuthenticationRegion = options.Region,
        };
        if (string.IsNullOrWhiteSpace(options.ServiceUrl))
        {
            config.RegionEndpoint = Amazon.RegionEndpoint.GetBySystemName(options.Region);
        }
        else
        {
            config.ServiceURL = options.ServiceUrl;
        }
        _client = new AmazonS3Client(new BasicAWSCredentials(options.AccessKey, options.SecretKey), config);
    }

    public async Task SaveAsync(string path, byte[] content, CancellationToken cancellationToken = default)
    {
        using var body = new MemoryStream(content, writable: false);
        await _client.PutObjectAsync(new PutObjectRequest
        {
            BucketName = _options.Bucket,
            Key = KeyOf(path),
            InputStream = body,
            AutoCloseStream = false,
            // One signed body rather than aws-chunked framing, which OSS, COS and small S3 servers do not all decode.
            UseChunkEncoding = false,
            ContentType = "application/octet-stream",
        }, cancellationToken);
    }

    public async Task DeleteAsync(string path, CancellationToken cancellationToken = default) =>
        await _client.DeleteObjectAsync(_options.Bucket, KeyOf(path), cancellationToken);

    public async Task<Stream?> OpenReadAsync(string path, CancellationToken cancellationToken = default)
    {
        try
        {
            // Uploads are size-limited images and documents: read them whole, so the connection goes back to the pool
            // at once instead of when the caller finishes writing the response.
            using var response = await _client.GetObjectAsync(_options.Bucket, KeyOf(path), cancellationToken);
            var buffer = new MemoryStream(checked((int)Math.Max(response.ContentLength, 0)));
            await response.ResponseStream.CopyToAsync(buffer, cancellationToken);
            buffer.Position = 0;
            return buffer;
        }
        catch (AmazonS3Exception ex) when (ex.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public void Dispose() => _client.Dispose();

    private string KeyOf(string path)
    {
        FilePaths.Check(path);
        return _options.Prefix + path;
    }
}
