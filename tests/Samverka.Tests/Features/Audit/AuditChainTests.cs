using Samverka.Web.Features.Audit;

namespace Samverka.Tests.Features.Audit;

public class AuditChainTests
{
    private static readonly byte[] Key = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();

    private static List<AuditEntry> Chain(int n, bool keyed = true, byte[]? key = null)
    {
        var list = new List<AuditEntry>();
        var previous = AuditEntry.Genesis;
        for (var i = 1; i <= n; i++)
        {
            var e = new AuditEntry
            {
                Id = i,
                At = new DateTimeOffset(2024, 1, i, 12, 0, 0, TimeSpan.Zero),
                UserName = "Test",
                EntityType = "Agreement",
                EntityKey = "1",
                Action = AuditAction.Modified,
                Changes = $$"""{"Purpose":["a{{i}}","b{{i}}"]}""",
                PreviousHash = previous,
                Hash = "",
                Keyed = keyed,
            };
            e.Hash = e.ComputeHash(key ?? Key);
            previous = e.Hash;
            list.Add(e);
        }
        return list;
    }

    private static AuditHead HeadOf(List<AuditEntry> chain, long legacy = 0, byte[]? key = null)
    {
        var last = chain.Count == 0 ? AuditEntry.Genesis : chain[^1].Hash;
        return new AuditHead { LastHash = last, LegacyEntries = legacy, Seal = AuditHead.SealOf(key ?? Key, last, legacy) };
    }

    private static Task<AuditVerdict> Verify(IEnumerable<AuditEntry> chain, AuditHead? head) => AuditChain.VerifyAsync(chain.ToAsyncEnumerable(), head, Key);

    [Fact]
    public async Task IntactChain_EndingAtItsHead_IsIntact()
    {
        var chain = Chain(5);
        var verdict = await Verify(chain, HeadOf(chain));
        Assert.True(verdict.Intact, verdict.Problem);
        Assert.Equal(5, verdict.Count);
    }

    [Fact]
    public async Task ChangedEntry_IsTheFirstBroken()
    {
        var chain = Chain(5);
        var head = HeadOf(chain);
        chain[2].Changes = """{"Purpose":["a3","något annat"]}""";
        Assert.Equal(3, (await Verify(chain, head)).BrokenAt);
    }

    [Fact]
    public async Task ChangedEntryWithARecomputedHash_BreaksTheNextLink()
    {
        var chain = Chain(5);
        var head = HeadOf(chain);
        chain[2].UserName = "Någon annan";
        chain[2].Hash = chain[2].ComputeHash(Key);
        Assert.Equal(4, (await Verify(chain, head)).BrokenAt);
    }

    [Fact]
    public async Task RemovedEntry_BreaksTheChainWhereItWas()
    {
        var chain = Chain(5);
        var head = HeadOf(chain);
        chain.RemoveAt(1);
        Assert.Equal(3, (await Verify(chain, head)).BrokenAt);
    }

    [Fact]
    public async Task RemovingTheNewestEntries_IsFound_ByTheHead()
    {
        var chain = Chain(5);
        var head = HeadOf(chain);
        chain.RemoveRange(3, 2);
        var verdict = await Verify(chain, head);
        Assert.False(verdict.Intact);
        Assert.Null(verdict.BrokenAt);
        Assert.Contains("newest entries have been removed", verdict.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RemovingTheHead_IsFound()
    {
        var verdict = await Verify(Chain(3), head: null);
        Assert.False(verdict.Intact);
        Assert.Contains("head record is missing", verdict.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AChainRewrittenWithoutTheKey_IsFound_HoweverItIsRewritten()
    {
        var chain = Chain(5);
        var head = HeadOf(chain);
        var otherKey = Enumerable.Repeat((byte)7, 32).ToArray();
        // Someone with the database but not the key: recomputes every entry with a key of their own, or with plain
        // SHA-256, and moves the head; its seal cannot be made without the key.
        var forged = Chain(4, keyed: true, key: otherKey);
        Assert.Contains("seal does not hold", (await Verify(forged, HeadOf(forged, key: otherKey))).Problem, StringComparison.Ordinal);
        Assert.Equal(1, (await Verify(forged, head)).BrokenAt);
        var plain = Chain(4, keyed: false);
        Assert.Equal(1, (await Verify(plain, head)).BrokenAt);
        Assert.Contains("seal does not hold", (await Verify(plain, HeadOf(plain, legacy: 4, key: otherKey))).Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EntriesFromBeforeKeying_AreAcceptedOnlyAsFarAsTheHeadSays()
    {
        var legacy = Chain(3, keyed: false);
        var head = HeadOf(legacy, legacy: 3);
        Assert.True((await Verify(legacy, head)).Intact);
        // A plain entry after the sealed ones is a forgery.
        var longer = Chain(4, keyed: false);
        Assert.Equal(4, (await Verify(longer, HeadOf(longer, legacy: 3))).BrokenAt);
    }

    [Fact]
    public void Hash_CoversEveryField_AndTheKey()
    {
        var e = Chain(1)[0];
        var original = e.Hash;
        foreach (var change in new Action<AuditEntry>[] { x => x.At = x.At.AddTicks(TimeSpan.TicksPerMillisecond), x => x.UserId = "u", x => x.EntityKey = "2", x => x.PartnershipId = 3, x => x.Action = AuditAction.Deleted })
        {
            var copy = Chain(1)[0];
            change(copy);
            Assert.NotEqual(original, copy.ComputeHash(Key));
        }
        Assert.NotEqual(original, e.ComputeHash(Enumerable.Repeat((byte)9, 32).ToArray()));
    }
}
