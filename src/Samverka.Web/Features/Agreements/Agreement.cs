using Samverka.Web.Data;
using Samverka.Web.Features.Decisions;
using Samverka.Web.Features.Partnerships;

namespace Samverka.Web.Features.Agreements;

/// <summary>The stored stage of an agreement's life. Active, extended and ended follow from dates; see <see cref="Agreement.StatusOn"/>.</summary>
public enum AgreementStage
{
    Draft = 0,
    Proposed = 1,
    Decided = 2,
    Signed = 3,
    Terminated = 4,
}

/// <summary>What a person sees: the stage combined with today's date.</summary>
public enum AgreementStatus
{
    Draft,
    Proposed,
    Decided,
    Signed,
    Active,
    Extended,
    Ended,
    Terminated,
    /// <summary>Notice has been given but the agreement still runs until its (new) end date.</summary>
    NoticeGiven,
}

/// <summary>One överenskommelse: a period of a partnership, with every section of the signed document as data.</summary>
public class Agreement : VersionedEntity, IPartnershipScoped
{
    public int PartnershipId { get; set; }
    public Partnership Partnership { get; set; } = null!;

    public required string Title { get; set; }

    // Period
    public DateOnly StartDate { get; set; }
    public DateOnly EndDate { get; set; }
    public DateOnly? LatestExtensionDate { get; set; }
    /// <summary>Null when the agreement states none: a notice then names the end date the parties agreed.</summary>
    public int? NoticePeriodMonths { get; set; }

    /// <summary>The sources give only the years of the period (IOGT-NTO Spånga 2018–2022): show years, not invented days.</summary>
    public bool PeriodKnownAsYearsOnly { get; set; }

    // Economy
    /// <summary>Null when not stated (the sources do not state it), unless <see cref="WithoutGrant"/>.</summary>
    public decimal? AnnualGrant { get; set; }

    /// <summary>The agreement gives no money at all: the parties contribute in kind. Not the same as a grant not stated.</summary>
    public bool WithoutGrant { get; set; }
    /// <summary>How the grant is adjusted year by year, when the agreement says so; null: the same every year.</summary>
    public GrantAdjustmentKind? GrantAdjustment { get; set; }
    /// <summary>The yearly adjustment in percent (2.5 for "2,5 procent per år").</summary>
    public decimal? AdjustmentPercent { get; set; }
    /// <summary>The index the grant follows ("KPI", "omräkningsfaktorn").</summary>
    public string? AdjustmentIndex { get; set; }
    /// <summary>The index's value for the first year and each later one as it becomes known.</summary>
    public List<decimal> IndexValues { get; set; } = [];
    /// <summary>An amount paid once besides the annual grant (a start-up cost, an investment), in <see cref="OneOffYear"/> or the first year.</summary>
    public decimal? OneOffAmount { get; set; }
    public int? OneOffYear { get; set; }
    public string? OneOffPurpose { get; set; }
    public string? ResourcesText { get; set; }
    public string? EconomyText { get; set; }
    public Invoicing Invoicing { get; set; } = new();

    /// <summary>Who took the initiative to the partnership; null when the agreement does not say.</summary>
    public PartnershipInitiative? Initiative { get; set; }

    /// <summary>The grant's terms, year by year.</summary>
    public GrantTerms Grants => new(AnnualGrant, WithoutGrant, StartDate.Year, EndDate.Year, GrantAdjustment, AdjustmentPercent, AdjustmentIndex, IndexValues, OneOffAmount, OneOffYear);

    // Content
    public string? SocietalChallenge { get; set; }
    public string? Purpose { get; set; }
    public string? Method { get; set; }
    public string? Values { get; set; }
    public TargetGroup TargetGroup { get; set; } = new();

    /// <summary>UN Agenda 2030 goal numbers (1 = no poverty, 10 = reduced inequalities).</summary>
    public List<int> Agenda2030Goals { get; set; } = [];
    public string? Agenda2030Text { get; set; }

    // Organisation
    /// <summary>Months between steering-group meetings ("varannan månad" = 2); null when not set.</summary>
    public int? SteeringGroupIntervalMonths { get; set; }
    public string? SteeringGroupText { get; set; }
    public string? WorkingGroupCadence { get; set; }
    public string? WorkingGroupText { get; set; }

    public StandingTerms Terms { get; set; } = new();

    /// <summary>Where the demo or imported data came from and what it leaves unknown.</summary>
    public string? SourceNote { get; set; }

    // Life
    public AgreementStage Stage { get; set; }
    public DateOnly? ProposedForMeetingOn { get; set; }
    public int? DecisionId { get; set; }
    public Decision? Decision { get; set; }
    public DateOnly? NoticeReceivedOn { get; set; }
    public int? NoticeGivenByOrganisationId { get; set; }

    /// <summary>The decision by which the municipality gave notice, when it did (a partner's notice needs none here).</summary>
    public int? NoticeDecisionId { get; set; }
    public Decision? NoticeDecision { get; set; }

    public List<ChallengeFigure> ChallengeFigures { get; set; } = [];
    public List<AgreementParty> Parties { get; set; } = [];
    public List<CooperatingOrganisation> CooperatingOrganisations { get; set; } = [];
    public List<Goal> Goals { get; set; } = [];
    public List<GroupMember> GroupMembers { get; set; } = [];
    public List<BudgetLine> BudgetLines { get; set; } = [];
    public List<InKindContribution> InKindContributions { get; set; } = [];
    public List<AgreementAttachment> Attachments { get; set; } = [];
    public List<AgreementExtension> Extensions { get; set; } = [];
    public List<AgreementEvent> Events { get; set; } = [];

    public AgreementStatus StatusOn(DateOnly today) => StatusFor(Stage, StartDate, EndDate, Extensions.Count > 0, today);

    public static AgreementStatus StatusFor(AgreementStage stage, DateOnly start, DateOnly end, bool extended, DateOnly today) => stage switch
    {
        AgreementStage.Draft => AgreementStatus.Draft,
        AgreementStage.Proposed => AgreementStatus.Proposed,
        AgreementStage.Decided => AgreementStatus.Decided,
        // Notice given: still active until the end date the notice sets, terminated only after it.
        AgreementStage.Terminated => today <= end ? AgreementStatus.NoticeGiven : AgreementStatus.Terminated,
        _ when today < start => AgreementStatus.Signed,
        _ when today > end => AgreementStatus.Ended,
        _ when extended => AgreementStatus.Extended,
        _ => AgreementStatus.Active,
    };

    public decimal BudgetTotal => BudgetLines.Sum(l => l.Amount);

    /// <summary>Whole-period values that must hold for any save.</summary>
    public static IEnumerable<FieldProblem> CheckPeriod(DateOnly start, DateOnly end, DateOnly? latestExtension, int? noticeMonths)
    {
        if (end < start)
        {
            yield return new("endDate", new Message("The end date must not be before the start date."));
        }
        if (latestExtension is { } latest && latest < end)
        {
            yield return new("latestExtensionDate", new Message("The latest extension date must not be before the end date."));
        }
        if (noticeMonths is < 0 or > 36)
        {
            yield return new("noticePeriodMonths", new Message("The notice period must be between 0 and 36 months."));
        }
    }

    /// <summary>
    /// The budget lines, when the agreement gives them, add up to the annual grant, to the krona; a grant without a
    /// breakdown is allowed. An agreement without a grant has neither.
    /// </summary>
    public static Message? CheckBudget(decimal? annualGrant, IEnumerable<decimal> lineAmounts, bool withoutGrant = false)
    {
        var amounts = lineAmounts.ToList();
        if (annualGrant < 0 || amounts.Any(a => a < 0))
        {
            return new Message("Amounts must not be negative.");
        }
        if (withoutGrant && (annualGrant is not null || amounts.Count > 0))
        {
            return new Message("An agreement without a grant has no annual grant and no budget lines: remove them, or say that there is a grant.");
        }
        if (annualGrant is null)
        {
            return amounts.Count > 0 ? new Message("Enter the annual grant that the budget lines add up to.") : null;
        }
        var sum = amounts.Sum();
        return amounts.Count > 0 && sum != annualGrant
            ? new Message("The budget lines add up to {0} but the annual grant is {1}.", sum, annualGrant)
            : null;
    }

    /// <summary>
    /// Where the agreement divides the grant between its non-profit parties: only they get a share, the shares never
    /// exceed the grant, and when every one of them has a share the shares are the whole grant.
    /// </summary>
    public static Message? CheckGrantShares(decimal? annualGrant, bool withoutGrant, IReadOnlyCollection<(PartyRole Role, decimal? Share)> parties)
    {
        var shares = parties.Where(p => p.Share is not null).ToList();
        if (shares.Count == 0)
        {
            return null;
        }
        if (shares.Any(p => p.Share < 0))
        {
            return new Message("Amounts must not be negative.");
        }
        if (shares.Any(p => p.Role != PartyRole.NonProfit))
        {
            return new Message("Only a non-profit party gets a share of the grant.");
        }
        if (withoutGrant || annualGrant is not { } grant)
        {
            return new Message("A share of the grant needs the annual grant it is a part of.");
        }
        var sum = shares.Sum(p => p.Share!.Value);
        if (sum > grant)
        {
            return new Message("The parties' shares add up to {0}, more than the annual grant of {1}.", sum, grant);
        }
        var nonProfit = parties.Count(p => p.Role == PartyRole.NonProfit);
        return shares.Count == nonProfit && sum != grant
            ? new Message("Every non-profit party has a share, but the shares add up to {0}, not the annual grant of {1}.", sum, grant)
            : null;
    }

    /// <summary>The last day of an agreement terminated by written notice received on <paramref name="noticeReceived"/>.</summary>
    public static DateOnly EndAfterNotice(DateOnly noticeReceived, int noticeMonths) =>
        noticeReceived.AddMonths(noticeMonths);

    /// <summary>The grant that counts in a total: a decided amount, nothing when there is none or it is not stated.</summary>
    public decimal GrantOrZero => WithoutGrant ? 0 : AnnualGrant ?? 0;

    // ---- Steps of the agreement's life. Each returns why it is refused, or null after doing it. ----

    /// <summary>
    /// To a board meeting. What the agreement must state first is the municipality's rule (<see cref="AgreementRequirements"/>);
    /// the first refusal names what is missing and why.
    /// </summary>
    public Message? Propose(DateOnly meetingDate, Actor by, AgreementRequirements? requirements = null)
    {
        if (Stage != AgreementStage.Draft)
        {
            return new Message("Only a draft can be proposed to a board meeting.");
        }
        if (CheckBudget(AnnualGrant, BudgetLines.Select(l => l.Amount), WithoutGrant) is { } budget)
        {
            return budget;
        }
        if ((requirements ?? AgreementRequirements.Default).Missing(this, AgreementRequirements.Moment.Proposal).FirstOrDefault() is { } missing)
        {
            return missing.Refusal;
        }
        Stage = AgreementStage.Proposed;
        ProposedForMeetingOn = meetingDate;
        Record(AgreementStep.Proposed, meetingDate, by, null);
        Raise(new AgreementProposed(this));
        return null;
    }

    /// <summary>Returns a proposal to draft, e.g. when the board sends it back.</summary>
    /// <summary>
    /// Back to draft: a proposal, or a decision not yet signed by every party (the way out when the decided text must be
    /// corrected before it can be signed). Withdrawing a decision needs the reason; the decision stays in the decision
    /// record and the history, and the signatures recorded so far are undone, since they were given to the old text.
    /// </summary>
    public Message? Withdraw(Actor by, string? note)
    {
        if (Stage is not (AgreementStage.Proposed or AgreementStage.Decided))
        {
            return new Message("Only a proposed agreement, or a decided one that not every party has signed, can be withdrawn to draft.");
        }
        if (Stage == AgreementStage.Decided)
        {
            if (string.IsNullOrWhiteSpace(note))
            {
                return new Message("Say why the decision is withdrawn: the reason stays in the agreement's history.");
            }
            foreach (var party in Parties)
            {
                party.SignedOn = null;
            }
            Decision = null;
            DecisionId = null;
        }
        Stage = AgreementStage.Draft;
        ProposedForMeetingOn = null;
        Record(AgreementStep.Withdrawn, null, by, note);
        return null;
    }

    public Message? Decide(Decision decision, Actor by)
    {
        if (Stage != AgreementStage.Proposed)
        {
            return new Message("Only a proposed agreement can be decided.");
        }
        if (decision.DecidedOn is { } on && ProposedForMeetingOn is { } meeting && on < meeting)
        {
            return new Message("The decision date must not be before the board meeting it was proposed to ({0}).", meeting);
        }
        if (string.IsNullOrWhiteSpace(decision.CaseNumber))
        {
            return new Message("A decision needs its case number.");
        }
        Stage = AgreementStage.Decided;
        Decision = decision;
        Record(AgreementStep.Decided, decision.DecidedOn, by, $"{decision.Paragraph} {decision.CaseNumber}".Trim());
        Raise(new AgreementDecided(this));
        return null;
    }

    public Message? Sign(AgreementParty party, DateOnly signedOn, Actor by, AgreementRequirements? requirements = null)
    {
        if (Stage != AgreementStage.Decided)
        {
            return new Message("The agreement can be signed only after it has been decided.");
        }
        if ((requirements ?? AgreementRequirements.Default).Missing(this, AgreementRequirements.Moment.Signing).FirstOrDefault() is { } missing)
        {
            return missing.Refusal;
        }
        if (!Parties.Contains(party))
        {
            return new Message("That party is not a party to this agreement.");
        }
        if (party.SignedOn is not null)
        {
            return new Message("{0} has already signed.", party.OrganisationName);
        }
        if (Decision?.DecidedOn is { } decided && signedOn < decided)
        {
            return new Message("The agreement cannot be signed before it was decided ({0}).", decided);
        }
        party.SignedOn = signedOn;
        Record(AgreementStep.Signed, signedOn, by, party.OrganisationName);
        if (Parties.All(p => p.SignedOn is not null))
        {
            Stage = AgreementStage.Signed;
            Raise(new AgreementSigned(this, by.Name));
        }
        return null;
    }

    /// <summary>
    /// Extends the agreement by a decision taken while it ran. The decision may be recorded afterwards (an agreement
    /// moved in from Word has a past): what counts is the decision's date, not today's.
    /// </summary>
    public Message? Extend(DateOnly newEndDate, Decision decision, Actor by)
    {
        if (Stage == AgreementStage.Terminated)
        {
            return new Message("Notice has been given: the agreement ends {0} and is not extended.", EndDate);
        }
        if (Stage != AgreementStage.Signed)
        {
            return new Message("Only a signed agreement can be extended; this one is not signed by every party yet.");
        }
        if (decision.DecidedOn is { } decided && decided > EndDate)
        {
            return new Message("An extension is decided while the agreement runs: it ended {0}, before the decision of {1}.", EndDate, decided);
        }
        if (LatestExtensionDate is not { } latest)
        {
            return new Message("The agreement allows no extension: it states no latest extension date.");
        }
        if (newEndDate <= EndDate)
        {
            return new Message("The new end date must be after the current end date ({0}).", EndDate);
        }
        if (newEndDate > latest)
        {
            return new Message("The agreement allows extension until {0} at the latest.", latest);
        }
        Extensions.Add(new AgreementExtension { PreviousEndDate = EndDate, NewEndDate = newEndDate, Decision = decision });
        EndDate = newEndDate;
        Record(AgreementStep.Extended, decision.DecidedOn, by, $"{newEndDate:yyyy-MM-dd}");
        Raise(new AgreementExtended(this));
        return null;
    }

    /// <summary>
    /// A party's notice, received while the agreement ran; recorded on the day or afterwards, with the decision that gave
    /// it when there is one. The agreement ends after the notice period, or at its end date if that comes first;
    /// an agreement that states no notice period ends on the date the parties give (endsOn).
    /// </summary>
    public Message? Terminate(DateOnly noticeReceivedOn, int? byOrganisationId, DateOnly today, Actor by, Decision? decision = null, DateOnly? endsOn = null)
    {
        if (Stage == AgreementStage.Terminated)
        {
            return new Message("Notice has already been given (received {0}); the agreement ends {1}.", NoticeReceivedOn ?? EndDate, EndDate);
        }
        if (Stage != AgreementStage.Signed)
        {
            return new Message("Only a signed agreement can be given notice; before that it is withdrawn.");
        }
        if (noticeReceivedOn < StartDate)
        {
            return new Message("The notice cannot be received before the agreement started ({0}).", StartDate);
        }
        if (noticeReceivedOn > today)
        {
            return new Message("A notice is recorded once it has been received: {0} is after today ({1}).", noticeReceivedOn, today);
        }
        if (noticeReceivedOn > EndDate)
        {
            return new Message("The agreement ended {0}; a notice received after that ({1}) ends nothing.", EndDate, noticeReceivedOn);
        }
        if (decision?.DecidedOn is { } decided && decided > noticeReceivedOn)
        {
            return new Message("The decision to give notice ({0}) cannot come after the notice was received ({1}).", decided, noticeReceivedOn);
        }
        DateOnly end;
        if (NoticePeriodMonths is { } months)
        {
            end = EndAfterNotice(noticeReceivedOn, months);
            if (endsOn is { } given && given != end && given != EndDate)
            {
                return new Message("The agreement's notice period of {0} months ends it {1}, not {2}.", months, end < EndDate ? end : EndDate, given);
            }
        }
        else if (endsOn is not { } given)
        {
            return new Message("The agreement states no notice period: give the date the agreement ends.");
        }
        else if (given < noticeReceivedOn || given > EndDate)
        {
            return new Message("The agreement ends between the notice ({0}) and its end date ({1}).", noticeReceivedOn, EndDate);
        }
        else
        {
            end = given;
        }
        Stage = AgreementStage.Terminated;
        NoticeReceivedOn = noticeReceivedOn;
        NoticeGivenByOrganisationId = byOrganisationId;
        NoticeDecision = decision;
        if (end < EndDate)
        {
            EndDate = end;
        }
        Record(AgreementStep.Terminated, noticeReceivedOn, by, $"{EndDate:yyyy-MM-dd}");
        Raise(new AgreementTerminated(this));
        return null;
    }

    /// <summary>
    /// A target set during the partnership ("Fler mätetal tas fram under partnerskapet"): it needs the decision that set it
    /// and a date within the agreement's period; the agreed targets stay as they were.
    /// </summary>
    public Message? AddTargetLater(Goal goal, ExpectedResult target, DateOnly addedOn, Decision decision, Actor by)
    {
        if (Stage < AgreementStage.Decided)
        {
            return new Message("A draft's targets are edited directly; a target is added later only to a decided agreement.");
        }
        if (!Goals.Contains(goal))
        {
            return new Message("Choose one of the agreement's goals.");
        }
        if (addedOn < StartDate || addedOn > EndDate)
        {
            return new Message("The date must be within the agreement's period ({0} – {1}).", StartDate, EndDate);
        }
        if (target.Rule.Check().FirstOrDefault() is { } invalid)
        {
            return invalid;
        }
        target.AddedOn = addedOn;
        target.AddedByDecision = decision;
        target.SortOrder = goal.ExpectedResults.Count == 0 ? 0 : goal.ExpectedResults.Max(r => r.SortOrder) + 1;
        goal.ExpectedResults.Add(target);
        Record(AgreementStep.TargetAdded, addedOn, by, target.Description.Length > 200 ? target.Description[..200] : target.Description);
        return null;
    }

    /// <summary>The first entry of the agreement's life.</summary>
    public void Created(Actor by, DateOnly today)
    {
        Record(AgreementStep.Created, today, by, null);
        Raise(new AgreementCreated(this));
    }

    private void Record(AgreementStep step, DateOnly? occurredOn, Actor by, string? note) =>
        Events.Add(new AgreementEvent
        {
            Step = step,
            OccurredOn = occurredOn,
            RecordedAt = by.At,
            RecordedByUserId = by.UserId,
            RecordedByName = by.Name,
            Note = note,
        });
}
