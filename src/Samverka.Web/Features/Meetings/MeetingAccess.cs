using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;
using Samverka.Web.Features.Accounts;
using Samverka.Web.Features.Agreements;
using Samverka.Web.Features.Boards;
using Samverka.Web.Features.Partnerships;

namespace Samverka.Web.Features.Meetings;

public sealed record PlannedHeld(int Year, int Planned, int Held);

/// <summary>Meetings and deviations belong to the partnership: both parties' users see them; board members do not (yet).</summary>
public static class MeetingAccess
{
    /// <summary>The partnership, if the user may read its own work (board members may not).</summary>
    public static async Task<Partnership?> FindAsync(PartnershipAccess access, ClaimsPrincipal user, int partnershipId) =>
        (await access.FindAsync(user, partnershipId, PartnershipOperation.ReadInternal)) is { Partnership: { } p, Denied: null } ? p : null;

    /// <summary>Both parties keep the minutes and raise deviations.</summary>
    public static Message? CanRecord(ClaimsPrincipal user, Partnership p) => PartnershipAccess.Check(user, p, PartnershipOperation.Report);

    public static async Task<List<PlannedHeld>> PlannedAgainstHeldAsync(AppDbContext db, int partnershipId)
    {
        var agreements = await db.Agreements.AsNoTracking()
            .Where(a => a.PartnershipId == partnershipId && a.Stage >= AgreementStage.Signed && a.SteeringGroupIntervalMonths != null)
            .Select(a => new { a.StartDate, a.EndDate, Interval = a.SteeringGroupIntervalMonths!.Value }).ToListAsync();
        var meetings = await db.Meetings.AsNoTracking().Where(m => m.PartnershipId == partnershipId && m.Group == GroupKind.SteeringGroup)
            .Select(m => new { m.HeldOn, m.HeldInYear }).ToListAsync();
        var years = agreements.SelectMany(a => Enumerable.Range(a.StartDate.Year, a.EndDate.Year - a.StartDate.Year + 1))
            .Concat(meetings.Select(m => m.HeldOn?.Year ?? m.HeldInYear ?? 0).Where(y => y > 0)).Distinct().Order();
        return [.. years.Select(y => new PlannedHeld(y,
            agreements.Sum(a => MeetingCadence.PlannedIn(y, a.StartDate, a.EndDate, a.Interval)),
            meetings.Count(m => (m.HeldOn?.Year ?? m.HeldInYear) == y)))];
    }

    /// <summary>The people who can be named to approve minutes: the partnership's own users.</summary>
    public static async Task<List<(string Id, string Name)>> PeopleAsync(AppDbContext db, Partnership p)
    {
        var boards = Board.WithPredecessors(p.BoardId, await db.Boards.Select(b => new ValueTuple<int, int?>(b.Id, b.SuccessorId)).ToListAsync());
        var boardIds = boards.ToList();
        var members = db.PartnershipMembers.Where(m => m.PartnershipId == p.Id).Select(m => m.UserId);
        var users = await db.Users.AsNoTracking()
            .Where(u => (u.Role == UserRole.Coordinator || u.Role == UserRole.CaseOfficer || u.Role == UserRole.AttestingHead) && u.BoardId != null && boardIds.Contains(u.BoardId.Value)
                || u.Role == UserRole.PartnerUser && u.OrganisationId == p.OrganisationId
                || members.Contains(u.Id))
            .OrderBy(u => u.DisplayName).Select(u => new { u.Id, u.DisplayName }).ToListAsync();
        return [.. users.Select(u => (u.Id, u.DisplayName))];
    }
}
