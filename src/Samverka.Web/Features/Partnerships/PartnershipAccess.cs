using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Samverka.Web.Data;
using Samverka.Web.Features.Accounts;
using Samverka.Web.Features.Agreements;
using Samverka.Web.Features.Boards;

namespace Samverka.Web.Features.Partnerships;

/// <summary>
/// What a user may do with a partnership and everything in it. Pages, API and queries ask <see cref="PartnershipAccess.Check"/>
/// (or <see cref="PartnershipAccess.AllowedAsync"/> for a query) with one of these; nothing else decides by role.
/// </summary>
public enum PartnershipOperation
{
    /// <summary>See the partnership, its decided agreements and its approved figures (suppressed outside the partnership).</summary>
    Read,
    /// <summary>The partnership's own work: exact figures, reports in progress, meetings, minutes, deviations, the case registry, the history.</summary>
    ReadInternal,
    /// <summary>Create and change agreements and take them through their life.</summary>
    Edit,
    /// <summary>Record figures, keep minutes and raise deviations.</summary>
    Report,
    /// <summary>Approve or return reported figures and correct approved ones.</summary>
    Review,
    /// <summary>Register documents in the partnership's case and grant access to confidential ones.</summary>
    Register,
    Attest,
}

/// <summary>
/// Who may see and do what, per partnership. Deny by default: a user sees a partnership only through a rule below,
/// and pages and API call the same methods. A partnership the user may not see is "not found" (404), never "forbidden",
/// so its existence is not revealed.
/// </summary>
public sealed class PartnershipAccess(AppDbContext db, IMemoryCache cache)
{
    private IReadOnlySet<int>? boardScope;

    /// <summary>Whether the user is the IOP coordinator of the board (or of the board that succeeded it): who keeps a board's settings.</summary>
    public async Task<bool> CoordinatesBoardAsync(ClaimsPrincipal user, int boardId) =>
        user.SamverkaRole() == UserRole.Coordinator && (await BoardScopeAsync(user)).Contains(boardId);

    /// <summary>The boards whose partnerships an administration user or board member works with: theirs and its predecessors.</summary>
    public async Task<IReadOnlySet<int>> BoardScopeAsync(ClaimsPrincipal user)
    {
        if (boardScope is not null)
        {
            return boardScope;
        }
        if (user.BoardId() is not { } boardId)
        {
            return boardScope = new HashSet<int>();
        }
        // Only boards merged into another matter: a handful, changed at a reorganisation (seeded, no page edits them).
        // Every request needs them, so they are kept for a minute instead of read each time.
        var merged = await cache.GetOrCreateAsync("board-successions", async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(1);
            entry.Size = 1;
            return await db.Boards.AsNoTracking().Where(b => b.SuccessorId != null).Select(b => new ValueTuple<int, int?>(b.Id, b.SuccessorId)).ToListAsync();
        });
        return boardScope = Board.WithPredecessors(boardId, merged ?? []);
    }

    /// <summary>Users with the same key see the same partnerships (given the same board scope): a cache key for shared views.</summary>
    public (UserRole? Role, int? Board, int? Organisation, string? User) VisibilityKey(ClaimsPrincipal user) => user.SamverkaRole() switch
    {
        UserRole.PartnerUser => (UserRole.PartnerUser, null, user.OrganisationId(), null),
        UserRole.SteeringGroupMember => (UserRole.SteeringGroupMember, null, null, user.UserId()),
        var role => (role, user.BoardId(), null, null),
    };

    public async Task<IQueryable<Partnership>> VisibleAsync(ClaimsPrincipal user)
    {
        var all = db.Partnerships.AsQueryable();
        var userId = user.UserId();
        switch (user.SamverkaRole())
        {
            case UserRole.Coordinator or UserRole.CaseOfficer or UserRole.AttestingHead:
                var scope = (await BoardScopeAsync(user)).ToList();
                return all.Where(p => scope.Contains(p.BoardId));
            case UserRole.BoardMember:
                var boards = (await BoardScopeAsync(user)).ToList();
                return all.Where(p => boards.Contains(p.BoardId) && p.Agreements.Any(a => a.Stage >= AgreementStage.Decided));
            case UserRole.PartnerUser when user.OrganisationId() is { } org:
                // Every non-profit party sees the partnership: the one it was registered with and each named as a
                // party in one of its agreements (a local IOP with three associations).
                return all.Where(p => p.OrganisationId == org
                    || p.Agreements.Any(a => a.Parties.Any(x => x.OrganisationId == org && x.Role == PartyRole.NonProfit)));
            case UserRole.SteeringGroupMember when userId is not null:
                return all.Where(p => p.Members.Any(m => m.UserId == userId));
            default:
                return all.Where(p => false);
        }
    }

    /// <summary>Agreements of visible partnerships; board members see only decided ones.</summary>
    public async Task<IQueryable<Agreement>> VisibleAgreementsAsync(ClaimsPrincipal user)
    {
        var partnerships = await VisibleAsync(user);
        // "IN (SELECT …)" rather than a correlated EXISTS: the database starts from the visible partnerships and their
        // index instead of testing every agreement (8 ms against 0.4 ms on SQLite with 20 000 agreements).
        var agreements = db.Agreements.Where(a => partnerships.Select(p => p.Id).Contains(a.PartnershipId));
        return user.SamverkaRole() == UserRole.BoardMember
            ? agreements.Where(a => a.Stage >= AgreementStage.Decided)
            : agreements;
    }

    public async Task<bool> CanSeeAsync(ClaimsPrincipal user, int partnershipId) =>
        await (await VisibleAsync(user)).AnyAsync(p => p.Id == partnershipId);

    /// <summary>Null when allowed; otherwise why not (shown to the user). Call only for a partnership the user can see.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Style", "IDE0060", Justification = "Every rule is asked per partnership; today's follow from its visibility, a later one may read it.")]
    public static Message? Check(ClaimsPrincipal user, Partnership partnership, PartnershipOperation operation)
    {
        var role = user.SamverkaRole();
        return operation switch
        {
            PartnershipOperation.Read => null,
            PartnershipOperation.ReadInternal when role is not (UserRole.BoardMember or null) => null,
            PartnershipOperation.ReadInternal => new Message("Board members see decided agreements and approved figures; the partnership's own work is for its parties."),
            PartnershipOperation.Edit when user.IsAdministration() => null,
            PartnershipOperation.Edit => new Message("Only the administration's coordinator or case officer can change agreements."),
            PartnershipOperation.Report when user.IsAdministration() => null,
            // A partner user sees only partnerships its organisation is a party to (VisibleAsync); which targets it
            // reports is the agreement's division (Recording.CheckTargets).
            PartnershipOperation.Report when role == UserRole.PartnerUser && user.OrganisationId() is not null => null,
            PartnershipOperation.Report => new Message("Only the partner organisation and the administration can report."),
            PartnershipOperation.Review when user.IsAdministration() => null,
            PartnershipOperation.Review => new Message("Only the administration reviews reports."),
            PartnershipOperation.Register when user.IsAdministration() => null,
            PartnershipOperation.Register => new Message("Only the administration registers documents."),
            PartnershipOperation.Attest when role == UserRole.AttestingHead => null,
            PartnershipOperation.Attest => new Message("Only an attesting head can attest."),
            _ => new Message("Not allowed."),
        };
    }

    /// <summary>The partnerships on which the user may do <paramref name="operation"/>: the query form of <see cref="Check"/>.</summary>
    public async Task<IQueryable<Partnership>> AllowedAsync(ClaimsPrincipal user, PartnershipOperation operation)
    {
        var visible = await VisibleAsync(user);
        var role = user.SamverkaRole();
        var org = user.OrganisationId();
        return operation switch
        {
            PartnershipOperation.Read => visible,
            PartnershipOperation.ReadInternal when role is not (UserRole.BoardMember or null) => visible,
            PartnershipOperation.Edit or PartnershipOperation.Review or PartnershipOperation.Register when user.IsAdministration() => visible,
            PartnershipOperation.Report when user.IsAdministration() => visible,
            PartnershipOperation.Report when role == UserRole.PartnerUser && org is not null => visible,
            PartnershipOperation.Attest when role == UserRole.AttestingHead => visible,
            _ => visible.Where(p => false),
        };
    }

    /// <summary>One partnership if the user may do <paramref name="operation"/> on it; null when they may not even see it.</summary>
    public async Task<(Partnership? Partnership, Message? Denied)> FindAsync(ClaimsPrincipal user, int partnershipId, PartnershipOperation operation, bool track = false)
    {
        var q = (await VisibleAsync(user)).Include(p => p.Board).Include(p => p.Organisation);
        var p = await (track ? q : q.AsNoTracking()).FirstOrDefaultAsync(x => x.Id == partnershipId);
        return p is null ? (null, null) : (p, Check(user, p, operation));
    }

    /// <summary>
    /// The boards a user may start a partnership under, for the page's list and the step alike: their own board and
    /// its predecessors that still sit (one that has ended, merged into a successor, takes no new partnerships);
    /// when entering history, every board in their scope, ended or not.
    /// </summary>
    public async Task<IQueryable<Boards.Board>> BoardsForNewPartnershipAsync(ClaimsPrincipal user, bool history = false)
    {
        IReadOnlySet<int> scope = user.IsAdministration() ? await BoardScopeAsync(user) : new HashSet<int>();
        var boards = db.Boards.AsNoTracking().Where(b => scope.Contains(b.Id));
        return history ? boards : boards.Where(b => b.SuccessorId == null && b.EndedOn == null);
    }
}
