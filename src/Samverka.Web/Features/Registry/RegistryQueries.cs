using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;
using Samverka.Web.Features.Partnerships;

namespace Samverka.Web.Features.Registry;

/// <summary>A search in a board's registry, as the page's form and the API's query string give it.</summary>
public sealed record RegistrySearch(string? CaseNumber, DateOnly? From, DateOnly? To, string? Party, string? Text);

public static class RegistryQueries
{
    /// <summary>
    /// The entries of a board's registry the user may see, newest first, at most 500, each as the user may see it. Party
    /// and text match case-insensitively; an entry the user may not open matches only on what they see of it, so a
    /// search cannot reveal what a confidential document says.
    /// </summary>
    public static async Task<List<RegistryEntryView>> SearchAsync(PartnershipAccess access, AppDbContext db, ClaimsPrincipal user, int boardId, RegistrySearch s)
    {
        s = s with { CaseNumber = await CaseNumberAsync(db, boardId, s.CaseNumber) };
        var found = await CandidatesAsync(await RegistryAccess.ListedAsync(access, db, user), boardId, s);
        var canOpen = await RegistryAccess.OpenerAsync(access, db, user, found);
        var text = s.Text.NullIfBlank();
        return [.. found.Select(d => RegistryEntryView.Of(d, canOpen(d)))
            .Where(v => v.CanOpen || (s.Party.NullIfBlank() is null && (text is null || v.Description.Contains(text, StringComparison.OrdinalIgnoreCase))))];
    }

    /// <summary>A case number as typed ("järva 2023/549"), as the board writes it when its format reads it; otherwise as typed.</summary>
    public static async Task<string?> CaseNumberAsync(AppDbContext db, int boardId, string? typed) =>
        typed.NullIfBlank() is not { } cn ? null
        : await db.Boards.AsNoTracking().Where(b => b.Id == boardId).Select(b => b.CaseNumberPattern).FirstOrDefaultAsync() is { } pattern
            ? Boards.Board.FormatOf(pattern).Canonical(cn) ?? cn
            : cn;

    private static async Task<List<RegistryDocument>> CandidatesAsync(IQueryable<RegistryDocument> listed, int boardId, RegistrySearch s)
    {
        var q = listed.AsNoTracking().Where(d => d.BoardId == boardId);
        if (s.CaseNumber.NullIfBlank() is { } cn)
        {
            q = q.Where(d => d.CaseNumber == cn);
        }
        if (s.From is { } from)
        {
            q = q.Where(d => d.RegisteredOn >= from);
        }
        if (s.To is { } to)
        {
            q = q.Where(d => d.RegisteredOn <= to);
        }
        if (s.Party.NullIfBlank() is { } party)
        {
            var lower = party.ToLowerInvariant();
#pragma warning disable CA1304, CA1311, CA1862 // translated to SQL lower(): no culture, and no StringComparison overload translates
            q = q.Where(d => d.Counterparty != null && d.Counterparty.ToLower().Contains(lower));
#pragma warning restore CA1304, CA1311, CA1862
        }
        if (s.Text.NullIfBlank() is { } text)
        {
            var lower = text.ToLowerInvariant();
#pragma warning disable CA1304, CA1311, CA1862 // as above
            q = q.Where(d => d.Description.ToLower().Contains(lower) || (d.PublicDescription != null && d.PublicDescription.ToLower().Contains(lower)));
#pragma warning restore CA1304, CA1311, CA1862
        }
        return await q.OrderByDescending(d => d.RegisteredOn).ThenByDescending(d => d.Id).Take(500).ToListAsync();
    }
}
