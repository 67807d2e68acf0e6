namespace MallPortal.Core.Files;

/// <summary><c>Files:*</c>: where uploads are kept.</summary>
public sealed class FileStoreOptions
{
    public const string Section = "Files";

    /// <summary>Local (a folder under the data folder; one server) or S3 (a bucket every app instance shares).</summary>
    public FileStoreKind Store { get; set; } = FileStoreKind.Local;

    public S3StoreOptions S3 { get; set; } = new();
}

public enum FileStoreKind
{
    Local,
    S3,
}

/// <summary>
/// An S3-compatible bucket: Amazon S3, Aliyun OSS (ServiceUrl https://oss-cn-hangzhou.aliyuncs.com), Tencent COS
/// (https://cos.ap-guangzhou.myqcloud.com), MinIO or any other server speaking the S3 API.
/// </summary>
public sealed class S3StoreOptions
{
    /// <summary>The endpoint; empty means Amazon S3 in <see cref="Region"/>.</summary>
    public string ServiceUrl { get; set; } = "";

    public string Region { get; set; } = "us-east-1";

    public string Bucket { get; set; } = "";

    public string AccessKey { get; set; } = "";

    public string SecretKey { get; set; } = "";

    /// <summary>Bucket in the path (MinIO, test servers) rather than in the host name (OSS and COS want false).</summary>
    public bool ForcePathStyle { get; set; }

    /// <summary>Folder inside the bucket under which the shop's files are kept, e.g. "mallportal/".</summary>
    public string Prefix { get; set; } = "";

    internal string? Problem() =>
        string.IsNullOrWhiteSpace(Bucket) ? "Files:Store is S3: set Files:S3:Bucket."
        : string.IsNullOrWhiteSpace(AccessKey) || string.IsNullOrWhiteSpace(SecretKey) ? "Files:Store is S3: set Files:S3:AccessKey and Files:S3:SecretKey."
        : Prefix.Length > 0 && !Prefix.EndsWith('/') ? "Files:S3:Prefix must end with '/'."
        : null;
}
