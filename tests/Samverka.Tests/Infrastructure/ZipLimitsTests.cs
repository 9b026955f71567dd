using System.IO.Compression;
using Samverka.Web.Infrastructure.Documents;

namespace Samverka.Tests.Infrastructure;

public class ZipLimitsTests
{
    private static byte[] Zip(params (string Name, int Bytes)[] entries)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, bytes) in entries)
            {
                using var s = zip.CreateEntry(name, CompressionLevel.SmallestSize).Open();
                s.Write(new byte[bytes]);
            }
        }
        return stream.ToArray();
    }

    [Fact]
    public void WithinTheLimits_Fits() =>
        Assert.Equal(ZipLimits.Verdict.Fits, ZipLimits.Check(Zip(("a", 1000), ("b", 2000)), maxEntries: 2, maxUncompressedBytes: 3000));

    [Fact]
    public void UnpackingPastTheLimit_InTotal_IsTooLarge() =>
        Assert.Equal(ZipLimits.Verdict.TooLarge, ZipLimits.Check(Zip(("a", 2000), ("b", 2000)), maxEntries: 10, maxUncompressedBytes: 3000));

    [Fact]
    public void MoreEntriesThanAllowed_AreRefused() =>
        Assert.Equal(ZipLimits.Verdict.TooManyEntries, ZipLimits.Check(Zip(("a", 1), ("b", 1), ("c", 1)), maxEntries: 2, maxUncompressedBytes: 3000));

    [Fact]
    public void NotAZip_IsSaidSo() =>
        Assert.Equal(ZipLimits.Verdict.NotAZip, ZipLimits.Check("not a zip"u8.ToArray(), maxEntries: 2, maxUncompressedBytes: 3000));

    [Fact]
    public void ADeclaredSizeThatLies_UnpacksNoFurtherThanDeclared()
    {
        // The directory claims 10 bytes; the data would unpack to 100 000. Every reader (ours, the Open XML SDK's,
        // MiniExcel's: all use ZipArchive) stops at the declared size, so the small claim cannot smuggle in a big part.
        var bytes = Zip(("a", 100_000));
        var central = FindLast(bytes, [0x50, 0x4b, 0x01, 0x02]);
        BitConverter.GetBytes(10).CopyTo(bytes, central + 24);
        var local = FindLast(bytes, [0x50, 0x4b, 0x03, 0x04]);
        BitConverter.GetBytes(10).CopyTo(bytes, local + 22);
        Assert.Equal(ZipLimits.Verdict.Fits, ZipLimits.Check(bytes, maxEntries: 2, maxUncompressedBytes: 50_000));
        using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
        using var data = zip.Entries[0].Open();
        var read = 0;
        var buffer = new byte[4096];
        try
        {
            for (int n; (n = data.Read(buffer)) > 0;)
            {
                read += n;
            }
        }
        catch (InvalidDataException)
        {
            // A reader may also refuse the entry outright: as safe.
        }
        Assert.True(read <= 10, $"{read} bytes");
    }

    private static int FindLast(byte[] data, byte[] pattern)
    {
        for (var i = data.Length - pattern.Length; i >= 0; i--)
        {
            if (data.AsSpan(i, pattern.Length).SequenceEqual(pattern))
            {
                return i;
            }
        }
        throw new InvalidOperationException("not found");
    }
}
