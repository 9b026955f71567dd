namespace Samverka.Web.Infrastructure;

/// <summary>Where attached files are kept, outside the web root. Keys are generated; a file's own name is never a path.</summary>
public interface IFileStore
{
    Task<string> SaveAsync(byte[] content, CancellationToken ct = default);
    Task<byte[]> ReadAsync(string key, CancellationToken ct = default);
}

/// <summary>The default store: files under "Samverka:FileStore:Path" (default data/files beside the app).</summary>
public sealed class FileSystemFileStore(IConfiguration config, IHostEnvironment env) : IFileStore
{
    private readonly string root = Path.GetFullPath(config["Samverka:FileStore:Path"] is { Length: > 0 } p ? p : Path.Combine(env.ContentRootPath, "data", "files"));

    public async Task<string> SaveAsync(byte[] content, CancellationToken ct = default)
    {
        var key = Guid.NewGuid().ToString("N");
        var path = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllBytesAsync(path, content, ct);
        return key;
    }

    public Task<byte[]> ReadAsync(string key, CancellationToken ct = default) => File.ReadAllBytesAsync(PathOf(key), ct);

    private string PathOf(string key)
    {
        if (key.Length != 32 || !key.All(char.IsAsciiHexDigitLower))
        {
            throw new ArgumentException("Not a file key.", nameof(key));
        }
        return Path.Combine(root, key[..2], key);
    }
}
