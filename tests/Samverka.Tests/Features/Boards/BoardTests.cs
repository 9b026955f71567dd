using Samverka.Web.Features.Boards;

namespace Samverka.Tests.Features.Boards;

public class BoardTests
{
    [Fact]
    public void WithPredecessors_IncludesMergedBoardsAtAnyDepth()
    {
        // 1 Järva ← 2 Rinkeby-Kista, 3 Spånga-Tensta; 4 an older board that became Rinkeby-Kista; 5 unrelated.
        var boards = new (int, int?)[] { (1, null), (2, 1), (3, 1), (4, 2), (5, null) };
        Assert.Equal([1, 2, 3, 4], Board.WithPredecessors(1, boards).Order());
        Assert.Equal([2, 4], Board.WithPredecessors(2, boards).Order());
        Assert.Equal([5], Board.WithPredecessors(5, boards));
    }
}
