using System.Security.Claims;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;
using Samverka.Web.Features.Boards;
using Samverka.Web.Features.Decisions;
using Samverka.Web.Features.Organisations;
using Samverka.Web.Features.Partnerships;

namespace Samverka.Web.Features.Agreements;

public sealed record ProposeInput(DateOnly? MeetingDate, Guid? Version);
public sealed record WithdrawInput(string? Note, Guid? Version);
public sealed record DecideInput(DateOnly? DecidedOn, string? Paragraph, string? CaseNumber, string? Summary, Guid? Version);
public sealed record SignInput(int? PartyId, DateOnly? SignedOn, Guid? Version);
public sealed record ExtendInput(DateOnly? NewEndDate, DateOnly? DecidedOn, string? Paragraph, string? CaseNumber, Guid? Version);
/// <summary>A notice. DecidedOn (with Paragraph and CaseNumber) when the municipality gave it by a decision of its board; EndsOn, the end the parties agreed, when the agreement states no notice period.</summary>
public sealed record TerminateInput(DateOnly? NoticeReceivedOn, int? GivenByOrganisationId, Guid? Version, DateOnly? DecidedOn = null, string? Paragraph = null, string? CaseNumber = null, DateOnly? EndsOn = null);

/// <summary>A target set during the partnership, with the decision that set it.</summary>
public sealed record AddTargetInput(int? GoalId, ExpectedResultDto? Target, DateOnly? AddedOn, DecisionMaker DecidedBy, string? Paragraph, string? CaseNumber, Guid? Version);

/// <summary>Events of the agreement's life; the outbox gets their ids.</summary>
public abstract record AgreementHappened([property: JsonIgnore] Agreement Agreement) : IDomainEvent
{
    public int AgreementId => Agreement.Id;
    public int PartnershipId => Agreement.PartnershipId;
}

public sealed record AgreementCreated(Agreement Agreement) : AgreementHappened(Agreement);
public sealed record AgreementProposed(Agreement Agreement) : AgreementHappened(Agreement);
public sealed record AgreementDecided(Agreement Agreement) : AgreementHappened(Agreement);

/// <summary>The last party signed: the agreement is in force from its start date.</summary>
public sealed record AgreementSigned(Agreement Agreement, string SignedBy) : AgreementHappened(Agreement);
public sealed record AgreementExtended(Agreement Agreement) : AgreementHappened(Agreement);
public sealed record AgreementTerminated(Agreement Agreement) : AgreementHappened(Agreement);

/// <summary>
/// Every step of an agreement, written once: the page's buttons and forms and the API call these, and only translate
/// the outcome. Each loads the agreement only if the user may see it, checks <see cref="PartnershipOperation.Edit"/>,
/// validates the input, applies the agreement's own rule and saves with the version the user read.
/// </summary>
public sealed class AgreementSteps(StepRunner runner, PartnershipAccess access, IConfiguration config)
{
    /// <summary>What the municipality requires an agreement to state before it is proposed or signed.</summary>
    public AgreementRequirements Requirements { get; } = AgreementRequirements.From(config);

    private AppDbContext Db => runner.Db;

    private Task<Outcome<Agreement>> Step(ClaimsPrincipal user, int id, Guid? version, Func<Agreement, StepContext, Task<Outcome<Agreement>>> step) =>
        runner.RunAsync(user, () => access.FindVisibleAsync(Db, user, id), a => a.Partnership, PartnershipOperation.Edit, version, step);

    private Task<Outcome<Agreement>> Step(ClaimsPrincipal user, int id, Guid? version, Func<Agreement, StepContext, Outcome<Agreement>> step) =>
        Step(user, id, version, (a, ctx) => Task.FromResult(step(a, ctx)));

    /// <summary>A new draft in a partnership. Without parties, they are the partnership's organisation and the board's administration.</summary>
    public Task<Outcome<Agreement>> CreateAsync(ClaimsPrincipal user, AgreementDocument input) =>
        runner.RunAddingAsync(user, async () => await (await access.VisibleAsync(user)).Include(p => p.Organisation).FirstOrDefaultAsync(p => p.Id == input.PartnershipId),
            p => p, PartnershipOperation.Edit, async (Partnership p, StepContext ctx) =>
            {
                if (input.Parties is not { Count: > 0 })
                {
                    var administration = await Db.Organisations.AsNoTracking()
                        .Where(o => o.BoardId == p.BoardId && o.Kind == OrganisationKind.PublicBody).Select(o => (int?)o.Id).FirstOrDefaultAsync();
                    input = input with
                    {
                        Parties = [new(null, p.OrganisationId, PartyRole.NonProfit, null, null, null, null, null, null, null, null, null),
                            .. administration is { } adm ? [new PartyDto(null, adm, PartyRole.PublicBody, null, null, null, null, null, null, null, null, null)] : Array.Empty<PartyDto>()],
                    };
                }
                var organisations = await OrganisationsForAsync(input);
                var problems = AgreementRules.Validate(input, organisations);
                problems.AddRange(await CheckConsecutiveAsync(p.Id, null, input.StartDate, input.EndDate));
                problems.AddRange(await CheckAttachmentsAsync(p.Id, input));
                problems.AddRange(await CheckBoardEndAsync(p.BoardId, "endDate", input.EndDate));
                problems.AddRange(await CheckAgeBandsAsync(p.BoardId, null, input));
                if (problems.Count > 0)
                {
                    return Outcome.Invalid(problems);
                }
                var agreement = new Agreement { Title = input.Title.Trim(), PartnershipId = p.Id };
                AgreementRules.Apply(input, agreement, organisations);
                agreement.Created(ctx.Actor, ctx.Today);
                Db.Agreements.Add(agreement);
                return Outcome.Done(agreement);
            });

    /// <summary>Replaces the content (draft or proposed only).</summary>
    public Task<Outcome<Agreement>> UpdateAsync(ClaimsPrincipal user, int id, AgreementDocument input) =>
        Step(user, id, input.Version, async (a, ctx) =>
        {
            if (CheckEditable(a) is { } locked)
            {
                return Outcome.Refused(locked);
            }
            var organisations = await OrganisationsForAsync(input);
            var problems = AgreementRules.Validate(input, organisations);
            problems.AddRange(await CheckConsecutiveAsync(a.PartnershipId, a.Id, input.StartDate, input.EndDate));
            problems.AddRange(await CheckAttachmentsAsync(a.PartnershipId, input));
            problems.AddRange(await CheckBoardEndAsync(a.Partnership.BoardId, "endDate", input.EndDate));
            problems.AddRange(await CheckAgeBandsAsync(a.Partnership.BoardId, a, input));
            if (problems.Count > 0)
            {
                return Outcome.Invalid(problems);
            }
            AgreementRules.Apply(input, a, organisations);
            return Outcome.Done(a);
        });

    public Task<Outcome<Agreement>> ProposeAsync(ClaimsPrincipal user, int id, ProposeInput input) =>
        Step(user, id, input.Version, (a, ctx) =>
            input.MeetingDate is not { } date ? Outcome.Invalid("meetingDate", InputCheck.RequiredMessage)
            : CheckDate("meetingDate", date) is { } bad ? bad
            : Outcome.Of(a, a.Propose(date, ctx.Actor, Requirements)));

    public Task<Outcome<Agreement>> WithdrawAsync(ClaimsPrincipal user, int id, WithdrawInput input) =>
        Step(user, id, input.Version, (a, ctx) =>
            new InputCheck().Text("note", input.Note, TextLimit.Description, multiline: true) is { IsValid: false } check ? Outcome.Invalid(check.Problems)
            : Outcome.Of(a, a.Withdraw(ctx.Actor, input.Note.NullIfBlank())));

    /// <summary>The board's decision. Without a case number, the partnership's; without a summary, the agreement's title.</summary>
    public Task<Outcome<Agreement>> DecideAsync(ClaimsPrincipal user, int id, DecideInput input) =>
        Step(user, id, input.Version, async (a, ctx) =>
        {
            var check = new InputCheck().Required("decidedOn", input.DecidedOn)
                .Text("paragraph", input.Paragraph, TextLimit.Code).Text("caseNumber", input.CaseNumber, TextLimit.CaseNumber)
                .Text("summary", input.Summary, TextLimit.Description, multiline: true);
            if (input.DecidedOn is { } on && CheckDecisionDate("decidedOn", on, ctx.Today) is { } bad)
            {
                return bad;
            }
            if (!check.IsValid)
            {
                return Outcome.Invalid(check.Problems);
            }
            var (caseNumber, wrong) = await DecisionCaseNumberAsync(a, input.CaseNumber);
            return wrong ?? Outcome.Of(a, a.Decide(BoardDecision(a, input.DecidedOn!.Value, input.Paragraph, caseNumber, input.Summary.NullIfBlank() ?? a.Title), ctx.Actor));
        });

    public Task<Outcome<Agreement>> SignAsync(ClaimsPrincipal user, int id, SignInput input) =>
        Step(user, id, input.Version, (a, ctx) =>
        {
            var check = new InputCheck().Required("partyId", input.PartyId).Required("signedOn", input.SignedOn);
            if (!check.IsValid)
            {
                return Outcome.Invalid(check.Problems);
            }
            if (CheckDecisionDate("signedOn", input.SignedOn!.Value, ctx.Today) is { } bad)
            {
                return bad;
            }
            return a.Parties.FirstOrDefault(p => p.Id == input.PartyId) is not { } party
                ? Outcome.Invalid("partyId", new Message("That party is not a party to this agreement."))
                : Outcome.Of(a, a.Sign(party, input.SignedOn!.Value, ctx.Actor, Requirements));
        });

    public Task<Outcome<Agreement>> ExtendAsync(ClaimsPrincipal user, int id, ExtendInput input) =>
        Step(user, id, input.Version, async (a, ctx) =>
        {
            var check = new InputCheck().Required("newEndDate", input.NewEndDate).Required("decidedOn", input.DecidedOn)
                .Text("paragraph", input.Paragraph, TextLimit.Code).Text("caseNumber", input.CaseNumber, TextLimit.CaseNumber);
            if (!check.IsValid)
            {
                return Outcome.Invalid(check.Problems);
            }
            if (CheckDecisionDate("decidedOn", input.DecidedOn!.Value, ctx.Today) is { } bad)
            {
                return bad;
            }
            var end = input.NewEndDate!.Value;
            if ((await CheckBoardEndAsync(a.Partnership.BoardId, "newEndDate", end)).FirstOrDefault() is { } past)
            {
                return Outcome.Invalid([past]);
            }
            var (caseNumber, wrong) = await DecisionCaseNumberAsync(a, input.CaseNumber);
            if (wrong is not null)
            {
                return wrong;
            }
            var decision = BoardDecision(a, input.DecidedOn!.Value, input.Paragraph, caseNumber, $"Förlängning av {a.Title} till och med {Format.Date(end)}");
            return Outcome.Of(a, a.Extend(end, decision, ctx.Actor));
        });

    public Task<Outcome<Agreement>> TerminateAsync(ClaimsPrincipal user, int id, TerminateInput input) =>
        Step(user, id, input.Version, async (a, ctx) =>
        {
            var check = new InputCheck().Required("noticeReceivedOn", input.NoticeReceivedOn)
                .Text("paragraph", input.Paragraph, TextLimit.Code).Text("caseNumber", input.CaseNumber, TextLimit.CaseNumber);
            if (input.GivenByOrganisationId is { } org && a.Parties.All(p => p.OrganisationId != org))
            {
                check.Add("givenByOrganisationId", new Message("That party is not a party to this agreement."));
            }
            if (input.DecidedOn is null && (input.Paragraph.NullIfBlank() ?? input.CaseNumber.NullIfBlank()) is not null)
            {
                check.Add("decidedOn", new Message("A paragraph or case number belongs to a decision: give the decision's date too."));
            }
            if (!check.IsValid)
            {
                return Outcome.Invalid(check.Problems);
            }
            if (((input.DecidedOn is { } d ? CheckDecisionDate("decidedOn", d, ctx.Today) : null) ?? CheckDate("noticeReceivedOn", input.NoticeReceivedOn!.Value)
                ?? (input.EndsOn is { } e ? CheckDate("endsOn", e) : null)) is { } bad)
            {
                return bad;
            }
            var (caseNumber, wrong) = await DecisionCaseNumberAsync(a, input.CaseNumber);
            if (wrong is not null)
            {
                return wrong;
            }
            var decision = input.DecidedOn is { } decided
                ? BoardDecision(a, decided, input.Paragraph, caseNumber, $"Uppsägning av {a.Title}")
                : null;
            return Outcome.Of(a, a.Terminate(input.NoticeReceivedOn!.Value, input.GivenByOrganisationId, ctx.Today, ctx.Actor, decision, input.EndsOn));
        });

    /// <summary>A share of an age band counts a band of the agreement's lists (one it already counted may stay, retired or not).</summary>
    private async Task<List<FieldProblem>> CheckAgeBandsAsync(int boardId, Agreement? existing, AgreementDocument input)
    {
        var targets = (input.Goals ?? []).SelectMany((g, gi) => (g.ExpectedResults ?? []).Select((r, ri) => (Field: $"goals[{gi}].expectedResults[{ri}].shareCategory", Target: r)))
            .Where(x => x.Target.ShareOf == ShareOf.AgeBand && x.Target.ShareCategory is not null).ToList();
        if (targets.Count == 0)
        {
            return [];
        }
        var lists = await Results.ReportingCategorySteps.ForAsync(Db, await Results.ReportingCategorySteps.MunicipalityOfAsync(Db, boardId), existing?.Id);
        var kept = existing?.Goals.SelectMany(g => g.ExpectedResults).Select(r => r.ShareCategory).OfType<string>().ToHashSet(StringComparer.OrdinalIgnoreCase) ?? [];
        return [.. targets.Where(x => lists.Find(Results.CategoryKind.AgeBand, x.Target.ShareCategory) is not { } band || (!lists.IsOffered(band) && !kept.Contains(band.Code)))
            .Select(x => new FieldProblem(x.Field, new Message("\"{0}\" is not an age band this agreement reports; the bands are: {1}.", x.Target.ShareCategory!,
                string.Join(", ", lists.Offered(Results.CategoryKind.AgeBand).Select(c => c.Code)) is { Length: > 0 } codes ? codes : "–")))];
    }

    /// <summary>A target set during the partnership ("Fler mätetal tas fram under partnerskapet"), with the decision that set it.</summary>
    public Task<Outcome<Agreement>> AddTargetAsync(ClaimsPrincipal user, int id, AddTargetInput input) =>
        Step(user, id, input.Version, async (a, ctx) =>
        {
            var t = input.Target;
            var check = new InputCheck().Required("goalId", input.GoalId).Required("addedOn", input.AddedOn)
                .Text("target.description", t?.Description, TextLimit.Medium, required: true, multiline: true)
                .Text("target.unit", t?.Unit, TextLimit.Unit).Text("target.shareLabel", t?.ShareLabel, TextLimit.Short).Text("target.note", t?.Note, TextLimit.Medium, multiline: true)
                .Text("paragraph", input.Paragraph, TextLimit.Code).Text("caseNumber", input.CaseNumber, TextLimit.CaseNumber);
            if (t?.ResponsibleOrganisationId is { } org && a.Parties.All(p => p.OrganisationId != org))
            {
                check.Add("target.responsibleOrganisationId", new Message("The party responsible for reporting must be a party to the agreement."));
            }
            if (a.Goals.FirstOrDefault(g => g.Id == input.GoalId) is not { } goal)
            {
                if (input.GoalId is not null)
                {
                    check.Add("goalId", new Message("Choose one of the agreement's goals."));
                }
                return Outcome.Invalid(check.Problems);
            }
            if (!check.IsValid)
            {
                return Outcome.Invalid(check.Problems);
            }
            if (CheckDecisionDate("addedOn", input.AddedOn!.Value, ctx.Today) is { } bad)
            {
                return bad;
            }
            if (t!.ShareOf == ShareOf.AgeBand && t.ShareCategory is not null)
            {
                var lists = await Results.ReportingCategorySteps.ForAgreementAsync(Db, a.Id);
                if (lists.Find(Results.CategoryKind.AgeBand, t.ShareCategory) is not { } band || !lists.IsOffered(band))
                {
                    return Outcome.Invalid("target.shareCategory", new Message("\"{0}\" is not an age band this agreement reports; the bands are: {1}.", t.ShareCategory,
                        string.Join(", ", lists.Offered(Results.CategoryKind.AgeBand).Select(c => c.Code)) is { Length: > 0 } codes ? codes : "–"));
                }
            }
            var (caseNumber, wrong) = await DecisionCaseNumberAsync(a, input.CaseNumber);
            if (wrong is not null)
            {
                return wrong;
            }
            var decision = new Decision
            {
                MadeBy = input.DecidedBy,
                BoardId = input.DecidedBy == DecisionMaker.Board ? a.Partnership.BoardId : null,
                DecidedOn = input.AddedOn,
                Paragraph = input.Paragraph.NullIfBlank(),
                CaseNumber = caseNumber,
                Summary = $"Nytt mätetal: {t!.Description.Trim()}",
            };
            var target = new ExpectedResult
            {
                Description = t.Description.Trim(),
                ResponsibleOrganisationId = t.ResponsibleOrganisationId,
                Note = t.Note.NullIfBlank(),
            };
            target.Measure(t.Rule);
            return Outcome.Of(a, a.AddTargetLater(goal, target, input.AddedOn!.Value, decision, ctx.Actor));
        });

    /// <summary>What the board decided is what the parties sign: after the decision the text changes only through an amendment.</summary>
    public static Message? CheckEditable(Agreement a) =>
        a.Stage is AgreementStage.Draft or AgreementStage.Proposed
            ? null
            : new Message("A decided agreement cannot be edited; changes are made through an amendment.");

    /// <summary>A date a person typed: within a century of now, so that a slip such as 2200-01-01 is caught.</summary>
    /// <summary>
    /// A decision or a signature is recorded when it has been made: not years ahead (a typing error such as 2200-01-01
    /// would otherwise stand in the decision record). A year of slack for a meeting recorded ahead of its minutes.
    /// </summary>
    private static Failure? CheckDecisionDate(string field, DateOnly date, DateOnly today) =>
        CheckDate(field, date) ?? (date > today.AddYears(1) ? Outcome.Invalid(field, new Message("The date {0} is more than a year ahead; a decision is recorded when it has been made.", date)) : null);

    private static Failure? CheckDate(string field, DateOnly date) =>
        date.Year is < 1990 or > 2100 ? Outcome.Invalid(field, new Message("The date {0} is not plausible here.", date)) : null;

    private static Decision BoardDecision(Agreement a, DateOnly decidedOn, string? paragraph, string? caseNumber, string summary) => new()
    {
        MadeBy = DecisionMaker.Board,
        BoardId = a.Partnership.BoardId,
        DecidedOn = decidedOn,
        Paragraph = paragraph.NullIfBlank(),
        CaseNumber = caseNumber,
        Summary = summary.Length > TextLimit.Description ? summary[..TextLimit.Description] : summary,
    };

    /// <summary>A decision's case number in the format of the partnership's board ("ks 2024/42" as "KS 2024/0042"); the partnership's when none is given.</summary>
    private async Task<(string? CaseNumber, Failure? Wrong)> DecisionCaseNumberAsync(Agreement a, string? typed)
    {
        var (value, problem) = await CaseNumbers.CheckAsync(Db, a.Partnership.BoardId, typed);
        return problem is null ? (value ?? a.Partnership.CaseNumber, null) : (null, Outcome.Invalid("caseNumber", problem));
    }

    private async Task<List<FieldProblem>> CheckBoardEndAsync(int boardId, string field, DateOnly end)
    {
        var board = await Db.Boards.AsNoTracking().Where(b => b.Id == boardId).Select(b => new { b.Name, b.EndedOn }).SingleAsync();
        return Board.CheckAgreementEnd(board.Name, board.EndedOn, end) is { } past ? [new FieldProblem(field, past)] : [];
    }

    /// <summary>A bilaga is a document registered in the partnership's own case, named once in the list.</summary>
    private async Task<List<FieldProblem>> CheckAttachmentsAsync(int partnershipId, AgreementDocument input)
    {
        var wanted = (input.Attachments ?? []).Select(x => x.RegistryDocumentId).ToList();
        if (wanted.Count == 0)
        {
            return [];
        }
        var registered = (await Db.RegistryDocuments.AsNoTracking().Where(d => d.PartnershipId == partnershipId && wanted.Contains(d.Id)).Select(d => d.Id).ToListAsync()).ToHashSet();
        var problems = new List<FieldProblem>();
        foreach (var (id, i) in wanted.Select((id, i) => (id, i)))
        {
            if (!registered.Contains(id))
            {
                problems.Add(new($"attachments[{i}].registryDocumentId", new Message("A bilaga is a document registered in the partnership's case: register it first, then choose it.")));
            }
            else if (wanted.IndexOf(id) < i)
            {
                problems.Add(new($"attachments[{i}].registryDocumentId", new Message("The document is already a bilaga of the agreement.")));
            }
        }
        return problems;
    }

    /// <summary>A partnership's agreements follow one another: no two periods overlap.</summary>
    private async Task<List<FieldProblem>> CheckConsecutiveAsync(int partnershipId, int? exceptAgreementId, DateOnly start, DateOnly end)
    {
        var overlapping = await Db.Agreements.AsNoTracking()
            .Where(a => a.PartnershipId == partnershipId && a.Id != exceptAgreementId && a.StartDate <= end && a.EndDate >= start)
            .Select(a => new { a.Title, a.StartDate, a.EndDate })
            .FirstOrDefaultAsync();
        return overlapping is null
            ? []
            : [new FieldProblem("startDate", new Message("The period overlaps the agreement \"{0}\" ({1} – {2}); a partnership's agreements follow one another.", overlapping.Title, overlapping.StartDate, overlapping.EndDate))];
    }

    private async Task<Dictionary<int, Organisation>> OrganisationsForAsync(AgreementDocument d)
    {
        var ids = (d.Parties ?? []).Select(p => p.OrganisationId)
            .Concat((d.Goals ?? []).SelectMany(g => g.ExpectedResults ?? []).Select(r => r.ResponsibleOrganisationId ?? 0))
            .Where(i => i > 0).Distinct().ToList();
        return await Db.Organisations.Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id);
    }
}
