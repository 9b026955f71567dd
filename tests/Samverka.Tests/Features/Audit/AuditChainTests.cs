using Samverka.Web.Features.Audit;

namespace Samverka.Tests.Features.Audit;

public class AuditChainTests
{
    private static List<AuditEntry> Chain(int n)
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
            };
            e.Hash = e.ComputeHash();
            previous = e.Hash;
            list.Add(e);
        }
        return list;
    }

    private static Task<long?> FirstBroken(IEnumerable<AuditEntry> chain) => AuditChain.FirstBrokenAsync(chain.ToAsyncEnumerable());

    [Fact]
    public async Task IntactChain_HasNoBrokenEntry() => Assert.Null(await FirstBroken(Chain(5)));

    [Fact]
    public async Task ChangedEntry_IsTheFirstBroken()
    {
        var chain = Chain(5);
        chain[2].Changes = """{"Purpose":["a3","något annat"]}""";
        Assert.Equal(3, await FirstBroken(chain));
    }

    [Fact]
    public async Task ChangedEntryWithARecomputedHash_BreaksTheNextLink()
    {
        var chain = Chain(5);
        chain[2].UserName = "Någon annan";
        chain[2].Hash = chain[2].ComputeHash();
        Assert.Equal(4, await FirstBroken(chain));
    }

    [Fact]
    public async Task RemovedEntry_BreaksTheChainWhereItWas()
    {
        var chain = Chain(5);
        chain.RemoveAt(1);
        Assert.Equal(3, await FirstBroken(chain));
    }

    [Fact]
    public void Hash_CoversEveryField()
    {
        var e = Chain(1)[0];
        var original = e.Hash;
        foreach (var change in new Action<AuditEntry>[] { x => x.At = x.At.AddTicks(TimeSpan.TicksPerMillisecond), x => x.UserId = "u", x => x.EntityKey = "2", x => x.PartnershipId = 3, x => x.Action = AuditAction.Deleted })
        {
            var copy = Chain(1)[0];
            change(copy);
            Assert.NotEqual(original, copy.ComputeHash());
        }
    }
}
