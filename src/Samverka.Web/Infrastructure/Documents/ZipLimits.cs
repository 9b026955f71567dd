using System.IO.Compression;

namespace Samverka.Web.Infrastructure.Documents;

/// <summary>
/// Office files are ZIP packages; a small one can unpack to gigabytes (a zip bomb). Before any library parses one, its
/// entries are counted and unpacked into nothing, counting the bytes, and reading stops at the limit: memory stays flat
/// whatever the file declares about itself.
/// </summary>
public static class ZipLimits
{
    public enum Verdict { Fits, NotAZip, TooManyEntries, TooLarge }

    public static Verdict Check(byte[] bytes, int maxEntries, long maxUncompressedBytes)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
            if (zip.Entries.Count > maxEntries)
            {
                return Verdict.TooManyEntries;
            }
            var buffer = new byte[81920];
            long total = 0;
            foreach (var entry in zip.Entries)
            {
                // The declared size is the cheap first test; the real one is counting what actually comes out.
                if (entry.Length > maxUncompressedBytes - total)
                {
                    return Verdict.TooLarge;
                }
                using var data = entry.Open();
                int read;
                while ((read = data.Read(buffer, 0, buffer.Length)) > 0)
                {
                    total += read;
                    if (total > maxUncompressedBytes)
                    {
                        return Verdict.TooLarge;
                    }
                }
            }
            return Verdict.Fits;
        }
        catch (Exception e) when (e is InvalidDataException or IOException or NotSupportedException or ArgumentException)
        {
            return Verdict.NotAZip;
        }
    }
}
