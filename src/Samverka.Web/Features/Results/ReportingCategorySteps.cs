using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;
using Samverka.Web.Features.Agreements;
using Samverka.Web.Features.Accounts;
using Samverka.Web.Features.Partnerships;

namespace Samverka.Web.Features.Results;

/// <summary>An agreement chose this category of its municipality's list (none chosen of a kind: the whole list applies).</summary>
public class AgreementCategory
{
    public int AgreementId { get; set; }
    public int ReportingCategoryId { get; set; }
}

/// <summary>A category as the lists show it. InUse: how many figures and targets use it (such a category is retired, not removed or renamed).</summary>
public sealed record CategoryView(int Id, CategoryKind Kind, string Code, string Name, string? NameEn, bool Retired, int? AgreementId, int InUse)
{
    public static CategoryView Of(ReportingCategory c, IReadOnlyDictionary<int, int> inUse) =>
        new(c.Id, c.Kind, c.Code, c.Name, c.NameEn, c.Retired, c.AgreementId, inUse.GetValueOrDefault(c.Id));
}

/// <summary>A municipality's reporting lists and the municipality's version.</summary>
public sealed record CategoryListView(int MunicipalityId, string Municipality, List<CategoryView> Categories, Guid Version);

/// <summary>The lists sent back: every category the list keeps, in order; an existing one left out is removed (when nothing uses it).</summary>
public sealed record CategoryListInput(List<CategoryRow>? Categories, Guid? Version);

/// <summary>
/// What one agreement reports by: the municipality's categories it chose (ChosenIds; none chosen of a kind means the
/// whole list of that kind), its own additions, and the resulting lists a figure is recorded by.
/// </summary>
public sealed record AgreementCategoriesView(int AgreementId, int MunicipalityId, List<CategoryView> Municipality, List<int> ChosenIds, List<CategoryView> Own,
    List<CategoryView> Effective, Guid Version);

/// <summary>The municipality's categories the agreement chooses and its own additions (an existing one left out is removed when nothing uses it).</summary>
public sealed record AgreementCategoriesInput(List<int>? ChosenIds, List<CategoryRow>? Own, Guid? Version);

/// <summary>The reporting lists, read and kept once for pages and API: a municipality's, and each agreement's choice.</summary>
public sealed class ReportingCategorySteps(AppDbContext db, PartnershipAccess access, StepRunner runner)
{
    /// <summary>The categories an agreement reports by: all of them for naming, and those a new figure may use.</summary>
    public static async Task<ReportingLists> ForAgreementAsync(AppDbContext db, int agreementId)
    {
        var municipality = await db.Agreements.AsNoTracking().Where(a => a.Id == agreementId).Select(a => (int?)a.Partnership.Board.MunicipalityId).FirstOrDefaultAsync();
        return municipality is null ? ReportingLists.None : await ForAsync(db, municipality.Value, agreementId);
    }

    /// <summary>A municipality's lists, with one agreement's choice and own categories (none: a new agreement's, the whole lists).</summary>
    public static async Task<ReportingLists> ForAsync(AppDbContext db, int municipalityId, int? agreementId)
    {
        var categories = await db.ReportingCategories.AsNoTracking()
            .Where(c => c.MunicipalityId == municipalityId && (c.AgreementId == null || c.AgreementId == agreementId))
            .OrderBy(c => c.Kind).ThenBy(c => c.AgreementId != null).ThenBy(c => c.Position).ThenBy(c => c.Id).ToListAsync();
        var chosen = await db.AgreementCategories.AsNoTracking().Where(x => x.AgreementId == agreementId).Select(x => x.ReportingCategoryId).ToListAsync();
        return new ReportingLists(categories, Offered(categories, chosen.ToHashSet()));
    }

    /// <summary>The municipality a board belongs to.</summary>
    public static Task<int> MunicipalityOfAsync(AppDbContext db, int boardId) =>
        db.Boards.AsNoTracking().Where(b => b.Id == boardId).Select(b => b.MunicipalityId).FirstAsync();

    /// <summary>A new figure may use the agreement's own categories and, of each kind, the chosen ones of the municipality's list (or all of it when none is chosen); never a retired one.</summary>
    public static IReadOnlySet<int> Offered(IReadOnlyList<ReportingCategory> categories, IReadOnlySet<int> chosen)
    {
        var offered = new HashSet<int>();
        foreach (var kind in categories.GroupBy(c => c.Kind))
        {
            var anyChosen = kind.Any(c => c.AgreementId is null && chosen.Contains(c.Id));
            offered.UnionWith(kind.Where(c => !c.Retired && (c.AgreementId is not null || !anyChosen || chosen.Contains(c.Id))).Select(c => c.Id));
        }
        return offered;
    }

    public async Task<CategoryListView?> MunicipalityListsAsync(int municipalityId)
    {
        var municipality = await db.Municipalities.AsNoTracking().FirstOrDefaultAsync(m => m.Id == municipalityId);
        if (municipality is null)
        {
            return null;
        }
        var categories = await db.ReportingCategories.AsNoTracking().Where(c => c.MunicipalityId == municipalityId && c.AgreementId == null)
            .OrderBy(c => c.Kind).ThenBy(c => c.Position).ThenBy(c => c.Id).ToListAsync();
        var inUse = await InUseAsync(municipalityId, categories);
        return new(municipality.Id, municipality.Name, [.. categories.Select(c => CategoryView.Of(c, inUse))], municipality.Version);
    }

    /// <summary>Whether the user keeps the municipality's lists: its administrator, or an IOP coordinator of one of its boards.</summary>
    public async Task<bool> MayKeepListsAsync(ClaimsPrincipal user, int municipalityId) =>
        (user.SamverkaRole() == UserRole.Administrator && user.MunicipalityId() == municipalityId)
        || (user.BoardId() is { } board && await access.CoordinatesBoardAsync(user, board) && await MunicipalityOfAsync(db, board) == municipalityId);

    /// <summary>Keeps the municipality's lists.</summary>
    public async Task<Outcome<CategoryListView>> SaveMunicipalityListsAsync(ClaimsPrincipal user, int municipalityId, CategoryListInput input)
    {
        var municipality = await db.Municipalities.FirstOrDefaultAsync(m => m.Id == municipalityId);
        if (municipality is null)
        {
            return Outcome.NotFound;
        }
        if (!await MayKeepListsAsync(user, municipalityId))
        {
            return Outcome.Forbidden(new Message("Only the municipality's administrator or an IOP coordinator of one of its boards keeps its reporting lists."));
        }
        if (input.Version is not { } read)
        {
            return Outcome.Invalid("version", new Message(Outcome.VersionMissingText));
        }
        var categories = await db.ReportingCategories.Where(c => c.MunicipalityId == municipalityId && c.AgreementId == null).OrderBy(c => c.Kind).ThenBy(c => c.Position).ToListAsync();
        var inUse = await InUseAsync(municipalityId, categories);
        // An agreement's own codes are taken too: a figure names a category by its code alone.
        var taken = (await db.ReportingCategories.AsNoTracking().Where(c => c.MunicipalityId == municipalityId && c.AgreementId != null).Select(c => new { c.Kind, c.Code }).ToListAsync())
            .Select(c => (c.Kind, c.Code)).ToHashSet();
        var problems = ReportingCategory.Apply(categories, input.Categories ?? [], inUse, taken,
            (row, code) => new ReportingCategory { MunicipalityId = municipalityId, Kind = row.Kind, Code = code, Name = "" }, out var removed);
        if (problems.Count > 0)
        {
            return Outcome.Invalid(problems);
        }
        db.ReportingCategories.AddRange(categories.Where(c => c.Id == 0));
        db.ReportingCategories.RemoveRange(removed);
        return await runner.SaveAsync(municipality, read) ? Outcome.Done((await MunicipalityListsAsync(municipalityId))!) : Outcome.Conflict;
    }

    public async Task<AgreementCategoriesView?> AgreementListsAsync(ClaimsPrincipal user, int agreementId)
    {
        var agreement = await (await access.VisibleAgreementsAsync(user)).AsNoTracking().Include(a => a.Partnership).FirstOrDefaultAsync(a => a.Id == agreementId);
        return agreement is null ? null : await AgreementListsAsync(agreement);
    }

    private async Task<AgreementCategoriesView> AgreementListsAsync(Agreement agreement)
    {
        var municipality = await MunicipalityOfAsync(db, agreement.Partnership.BoardId);
        var categories = await db.ReportingCategories.AsNoTracking()
            .Where(c => c.MunicipalityId == municipality && (c.AgreementId == null || c.AgreementId == agreement.Id))
            .OrderBy(c => c.Kind).ThenBy(c => c.Position).ThenBy(c => c.Id).ToListAsync();
        var chosen = await db.AgreementCategories.AsNoTracking().Where(x => x.AgreementId == agreement.Id).Select(x => x.ReportingCategoryId).ToListAsync();
        var inUse = await InUseAsync(municipality, categories);
        var offered = Offered(categories, chosen.ToHashSet());
        return new(agreement.Id, municipality,
            [.. categories.Where(c => c.AgreementId is null).Select(c => CategoryView.Of(c, inUse))], chosen,
            [.. categories.Where(c => c.AgreementId is not null).Select(c => CategoryView.Of(c, inUse))],
            [.. categories.Where(c => offered.Contains(c.Id)).Select(c => CategoryView.Of(c, inUse))],
            agreement.Version);
    }

    /// <summary>Keeps what one agreement reports by: the administration of its partnership, in any stage (reporting goes on after signing).</summary>
    public async Task<Outcome<AgreementCategoriesView>> SaveAgreementListsAsync(ClaimsPrincipal user, int agreementId, AgreementCategoriesInput input)
    {
        var outcome = await runner.RunAsync<Agreement, Agreement>(user,
            async () => await (await access.VisibleAgreementsAsync(user)).Include(a => a.Partnership).FirstOrDefaultAsync(a => a.Id == agreementId),
            a => a.Partnership, PartnershipOperation.Edit, input.Version, async (agreement, _) =>
            {
                var municipalityId = await MunicipalityOfAsync(db, agreement.Partnership.BoardId);
                var municipality = await db.ReportingCategories.AsNoTracking().Where(c => c.MunicipalityId == municipalityId && c.AgreementId == null).ToListAsync();
                var chosenIds = (input.ChosenIds ?? []).Distinct().ToList();
                if (chosenIds.FirstOrDefault(id => municipality.All(c => c.Id != id)) is var unknown and not 0)
                {
                    return Outcome.Invalid("chosenIds", new Message("The category {0} is not on the municipality's lists.", unknown));
                }
                var own = await db.ReportingCategories.Where(c => c.AgreementId == agreementId).OrderBy(c => c.Kind).ThenBy(c => c.Position).ToListAsync();
                var problems = ReportingCategory.Apply(own, input.Own ?? [], await InUseAsync(municipalityId, own), municipality.Select(c => (c.Kind, c.Code)).ToHashSet(),
                    (row, code) => new ReportingCategory { MunicipalityId = municipalityId, AgreementId = agreementId, Kind = row.Kind, Code = code, Name = "" }, out var removed);
                if (problems.Count > 0)
                {
                    return Outcome.Invalid(problems.Select(p => p with { Field = p.Field.Replace("categories", "own", StringComparison.Ordinal) }));
                }
                db.ReportingCategories.AddRange(own.Where(c => c.Id == 0));
                db.ReportingCategories.RemoveRange(removed);
                var existing = await db.AgreementCategories.Where(x => x.AgreementId == agreementId).ToListAsync();
                db.AgreementCategories.RemoveRange(existing.Where(x => !chosenIds.Contains(x.ReportingCategoryId)));
                db.AgreementCategories.AddRange(chosenIds.Where(id => existing.All(x => x.ReportingCategoryId != id)).Select(id => new AgreementCategory { AgreementId = agreementId, ReportingCategoryId = id }));
                return Outcome.Done(agreement);
            });
        return outcome.IsDone ? Outcome.Done(await AgreementListsAsync(outcome.Value!)) : outcome.Failure!;
    }

    /// <summary>
    /// How many figures and targets use each category: the figures of the municipality's agreements (or of one agreement,
    /// for its own categories) that name its code, and the share targets counting its age band.
    /// </summary>
    private async Task<Dictionary<int, int>> InUseAsync(int municipalityId, List<ReportingCategory> categories)
    {
        var result = new Dictionary<int, int>();
        if (categories.Count == 0)
        {
            return result;
        }
        var agreements = db.Agreements.Where(a => a.Partnership.Board.MunicipalityId == municipalityId).Select(a => a.Id);
        var reports = db.ResultReports.Where(r => agreements.Contains(r.AgreementId));
        // Plain joins: SQLite has no APPLY for a projection that reaches back to the outer row.
        var figures = db.Figures.Join(reports, f => f.ReportId, r => r.Id, (f, r) => new { r.AgreementId, f.EventKind, f.OutcomeKind });
        var events = await figures.Where(x => x.EventKind != null).GroupBy(x => new { x.AgreementId, x.EventKind }).Select(g => new { g.Key.AgreementId, Code = g.Key.EventKind!, N = g.Count() }).ToListAsync();
        var outcomes = await figures.Where(x => x.OutcomeKind != null).GroupBy(x => new { x.AgreementId, x.OutcomeKind }).Select(g => new { g.Key.AgreementId, Code = g.Key.OutcomeKind!, N = g.Count() }).ToListAsync();
        var ages = await db.Figures.SelectMany(f => f.Ages, (f, a) => new { f.ReportId, a.Code }).Join(reports, x => x.ReportId, r => r.Id, (x, r) => new { r.AgreementId, x.Code })
            .GroupBy(x => new { x.AgreementId, x.Code }).Select(g => new { g.Key.AgreementId, g.Key.Code, N = g.Count() }).ToListAsync();
        var targets = await db.Goals.Where(g => agreements.Contains(g.AgreementId))
            .SelectMany(g => g.ExpectedResults, (g, r) => new { g.AgreementId, r.ShareOf, r.ShareCategory }).Where(r => r.ShareOf == ShareOf.AgeBand && r.ShareCategory != null)
            .GroupBy(r => new { r.AgreementId, r.ShareCategory }).Select(g => new { g.Key.AgreementId, Code = g.Key.ShareCategory!, N = g.Count() }).ToListAsync();
        foreach (var c in categories)
        {
            var uses = c.Kind switch
            {
                CategoryKind.Event => events.Select(x => (x.AgreementId, x.Code, x.N)),
                CategoryKind.Outcome => outcomes.Select(x => (x.AgreementId, x.Code, x.N)),
                _ => ages.Select(x => (x.AgreementId, x.Code, x.N)).Concat(targets.Select(x => (x.AgreementId, x.Code, x.N))),
            };
            var n = uses.Where(u => string.Equals(u.Code, c.Code, StringComparison.OrdinalIgnoreCase) && (c.AgreementId is null || u.AgreementId == c.AgreementId)).Sum(u => u.N);
            if (n > 0)
            {
                result[c.Id] = n;
            }
        }
        return result;
    }
}

/// <summary>Names of the lists' kinds for pages.</summary>
public static class CategoryTexts
{
    public static string Kind(CategoryKind k) => k switch
    {
        CategoryKind.AgeBand => "Age bands",
        CategoryKind.Outcome => "Kinds of outcome",
        _ => "Kinds of event",
    };

    public static string Name(this ReportingLists lists, CategoryKind kind, string? code) => lists.Name(kind, code, CultureInfo.CurrentUICulture);
}
