using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;
using Samverka.Web.Features.Partnerships;

namespace Samverka.Web.Features.Audit;

/// <summary>One change: who, when, what record, and each property from → to (as [old, new]).</summary>
public sealed record AuditEntryView(long Id, DateTimeOffset At, string By, string EntityType, string EntityKey, AuditAction Action, Dictionary<string, JsonElement[]> Changes);

public sealed record AuditPage(List<AuditEntryView> Entries, long? Before);

public static class AuditApi
{
    public const int PageSize = 100;

    public static void MapAuditApi(this RouteGroupBuilder api)
    {
        api.MapGet("/partnerships/{id:int}/history", async Task<Results<Ok<AuditPage>, NotFound>> (int id, long? before, ClaimsPrincipal user, PartnershipAccess access, AppDbContext db) =>
        {
            // Names the people who made each change: for the partnership's own users only, as the history page.
            if (await access.FindAsync(user, id, PartnershipOperation.ReadInternal) is not { Partnership: not null, Denied: null })
            {
                return TypedResults.NotFound();
            }
            var q = db.AuditEntries.AsNoTracking().Where(e => e.PartnershipId == id);
            if (before is { } b)
            {
                q = q.Where(e => e.Id < b);
            }
            var entries = await q.OrderByDescending(e => e.Id).Take(PageSize).ToListAsync();
            return TypedResults.Ok(new AuditPage(
                [.. entries.Select(e => new AuditEntryView(e.Id, e.At, e.UserName, e.EntityType, e.EntityKey, e.Action,
                    JsonSerializer.Deserialize<Dictionary<string, JsonElement[]>>(e.Changes) ?? []))],
                entries.Count == PageSize ? entries[^1].Id : null));
        }).WithTags("Audit").WithSummary("A partnership's history, newest first, a page of 100 at a time (pass the page's 'before' for the next)");
    }
}
