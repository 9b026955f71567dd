using System.Security.Cryptography;

namespace Samverka.Web.Features.Audit;

/// <summary>
/// The secret the audit chain is keyed with (HMAC-SHA256), kept outside the database: whoever can write to the database
/// alone cannot recompute the chain after changing it. From "Samverka:Audit:Key" (base64, at least 32 bytes: an
/// environment variable or a secret store), else from the file "Samverka:Audit:KeyFile" (default data/audit.key under
/// the app), which is created with a new random key on first start.
/// </summary>
public sealed class AuditKey
{
    public const int MinimumBytes = 32;

    public byte[] Bytes { get; }

    public AuditKey(IConfiguration configuration, IHostEnvironment environment)
    {
        if (configuration["Samverka:Audit:Key"] is { Length: > 0 } configured)
        {
            Bytes = Parse(configured, "Samverka:Audit:Key");
            return;
        }
        var path = configuration["Samverka:Audit:KeyFile"] is { Length: > 0 } file
            ? file
            : Path.Combine(environment.ContentRootPath, "data", "audit.key");
        Bytes = LoadOrCreate(path);
    }

    public AuditKey(byte[] bytes) => Bytes = bytes.Length >= MinimumBytes ? bytes : throw new ArgumentException($"The audit key needs at least {MinimumBytes} bytes.", nameof(bytes));

    private static byte[] Parse(string base64, string source)
    {
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(base64.Trim());
        }
        catch (FormatException)
        {
            throw new InvalidOperationException($"{source} is not base64.");
        }
        return bytes.Length >= MinimumBytes ? bytes : throw new InvalidOperationException($"{source} must hold at least {MinimumBytes} bytes (44 base64 characters).");
    }

    private static byte[] LoadOrCreate(string path)
    {
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            try
            {
                // CreateNew: two instances starting at once cannot both write a key.
                using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
                if (!OperatingSystem.IsWindows())
                {
                    File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
                }
                using var writer = new StreamWriter(stream);
                writer.Write(Convert.ToBase64String(RandomNumberGenerator.GetBytes(MinimumBytes)));
            }
            catch (IOException) when (File.Exists(path))
            {
                // The other one won; read its key.
            }
        }
        return Parse(File.ReadAllText(path), path);
    }
}
