using Samverka.Web.Data;
using Samverka.Web.Features.Agreements;

namespace Samverka.Web.Features.Results;

public enum ReportStatus { Draft, Submitted, Approved, Returned }

/// <summary>What a figure counts. Aggregates only: there is no field for a name or a personnummer anywhere.</summary>
public enum FigureKind
{
    /// <summary>An event (fair, drop-in session, …) with its visitors.</summary>
    Event,
    /// <summary>Drop-in visits over a period.</summary>
    DropInVisits,
    /// <summary>A programme's participants, started and completed.</summary>
    Participants,
    /// <summary>What happened afterwards (registered at Jobbtorg, left for work or studies).</summary>
    Outcome,
    /// <summary>People in the target group reached over a period.</summary>
    PeopleReached,
    /// <summary>A before/after survey: respondents and the share agreeing before and after.</summary>
    Survey,
    /// <summary>The gender split observed over a period, as shares, when counts are not kept.</summary>
    GenderSplit,
}

/// <summary>
/// A period's figures for one agreement: the partner records them, submits, and the administration approves or returns
/// them. Approved figures are locked; a later correction is a new figure that names the one it corrects.
/// </summary>
public class ResultReport : VersionedEntity, IPartnershipScoped
{
    public int PartnershipId { get; set; }
    public int AgreementId { get; set; }
    public Agreement Agreement { get; set; } = null!;
    public DateOnly PeriodStart { get; set; }
    public DateOnly PeriodEnd { get; set; }
    public ReportStatus Status { get; set; }
    public string? ReviewComment { get; set; }
    public List<Figure> Figures { get; set; } = [];
    public List<ReportEvent> History { get; set; } = [];

    public bool IsEditable => Status is ReportStatus.Draft or ReportStatus.Returned;

    /// <summary>
    /// The agreement's other reports whose periods overlap this one's, with the targets their figures count towards:
    /// loaded with the report for recording (<see cref="Recording.LoadOverlapsAsync"/>), not stored.
    /// </summary>
    public IReadOnlyList<ReportedPeriod> Overlapping { get; set; } = [];

    /// <summary>Not stored: the categories the agreement reports by, loaded with the report for recording.</summary>
    public ReportingLists Lists { get; set; } = ReportingLists.None;

    /// <summary>Not stored: the partner organisation recording, when a partner user records (the agreement may divide the reporting between its parties).</summary>
    public int? RecordingOrganisationId { get; set; }

    public static Message? CheckPeriod(DateOnly start, DateOnly end, Agreement agreement)
    {
        if (end < start)
        {
            return new Message("The end date must not be before the start date.");
        }
        if (start < agreement.StartDate || end > agreement.EndDate)
        {
            return new Message("The period must be within the agreement's period ({0} – {1}).", agreement.StartDate, agreement.EndDate);
        }
        return null;
    }

    public Message? Submit(Actor by)
    {
        if (!IsEditable)
        {
            return new Message("Only a draft or returned report can be submitted.");
        }
        if (Figures.Count == 0)
        {
            return new Message("Record at least one figure before submitting.");
        }
        Status = ReportStatus.Submitted;
        Record(ReportStatus.Submitted, by, null);
        Raise(new ReportSubmitted(this));
        return null;
    }

    public Message? Approve(Actor by)
    {
        if (Status != ReportStatus.Submitted)
        {
            return new Message("Only a submitted report can be approved.");
        }
        Status = ReportStatus.Approved;
        ReviewComment = null;
        Record(ReportStatus.Approved, by, null);
        Raise(new ReportApproved(this, by.Name));
        return null;
    }

    public Message? Return(string? comment, Actor by)
    {
        if (Status != ReportStatus.Submitted)
        {
            return new Message("Only a submitted report can be returned.");
        }
        if (string.IsNullOrWhiteSpace(comment))
        {
            return new Message("Say what needs to change when returning a report.");
        }
        Status = ReportStatus.Returned;
        ReviewComment = comment.Trim();
        Record(ReportStatus.Returned, by, ReviewComment);
        Raise(new ReportReturned(this));
        return null;
    }

    /// <summary>Adds a figure to a draft or returned report.</summary>
    public Message? Add(Figure figure, Actor by)
    {
        if (!IsEditable)
        {
            return Locked();
        }
        if (figure.Check(this).FirstOrDefault() is { } invalid)
        {
            return invalid;
        }
        Canonicalise(figure);
        figure.RecordedAt = by.At;
        figure.RecordedByName = by.Name;
        Figures.Add(figure);
        return null;
    }

    public Message? Remove(Figure figure)
    {
        if (!IsEditable)
        {
            return Locked();
        }
        Figures.Remove(figure);
        return null;
    }

    /// <summary>Corrects an approved figure: the new value stands beside the old, with the reason, and replaces it in every sum.</summary>
    public Message? Correct(Figure original, Figure correction, string? reason, Actor by)
    {
        if (Status != ReportStatus.Approved)
        {
            return new Message("Only approved figures are corrected; change a draft directly.");
        }
        if (!Figures.Contains(original) || Figures.Any(f => f.CorrectsFigureId == original.Id))
        {
            return new Message("That figure has already been corrected; correct the latest value.");
        }
        if (string.IsNullOrWhiteSpace(reason))
        {
            return new Message("Give the reason for the correction.");
        }
        correction.Kind = original.Kind;
        correction.CorrectsFigureId = original.Id;
        correction.CorrectionReason = reason.Trim();
        if (correction.Check(this).FirstOrDefault() is { } invalid)
        {
            return invalid;
        }
        Canonicalise(correction);
        correction.RecordedAt = by.At;
        correction.RecordedByName = by.Name;
        Figures.Add(correction);
        Record(ReportStatus.Approved, by, $"Rättelse: {correction.CorrectionReason}");
        return null;
    }

    private void Canonicalise(Figure f)
    {
        f.EventKind = Lists.Canonical(CategoryKind.Event, f.EventKind);
        f.OutcomeKind = Lists.Canonical(CategoryKind.Outcome, f.OutcomeKind);
        foreach (var age in f.Ages)
        {
            age.Code = Lists.Canonical(CategoryKind.AgeBand, age.Code) ?? age.Code;
        }
    }

    private Message Locked() => Status == ReportStatus.Submitted
        ? new Message("The report is submitted and waits for review; it can be changed again if it is returned.")
        : new Message("The report is approved: its figures are locked. Record a correction instead.");

    private void Record(ReportStatus status, Actor by, string? comment) =>
        History.Add(new ReportEvent { Status = status, At = by.At, ByUserId = by.UserId, ByName = by.Name, Comment = comment });
}

/// <summary>Another report's period and the targets it has figures for.</summary>
public sealed record ReportedPeriod(int ReportId, DateOnly From, DateOnly To, IReadOnlySet<int> TargetIds);

public class ReportEvent : IPartOf<ResultReport>
{
    public int Id { get; set; }
    public int ReportId { get; set; }
    public ReportStatus Status { get; set; }
    public DateTimeOffset At { get; set; }
    public string? ByUserId { get; set; }
    public required string ByName { get; set; }
    public string? Comment { get; set; }
}

/// <summary>One recorded figure: an aggregate for a date or a period, tied to the targets it measures.</summary>
public class Figure : FigureValueSet, IPartOf<ResultReport>
{
    public int Id { get; set; }
    public int ReportId { get; set; }
    public FigureKind Kind { get; set; }
    /// <summary>The code of the event's kind on the agreement's list (<see cref="CategoryKind.Event"/>).</summary>
    public string? EventKind { get; set; }
    /// <summary>The code of the outcome's kind on the agreement's list (<see cref="CategoryKind.Outcome"/>).</summary>
    public string? OutcomeKind { get; set; }
    public DateOnly From { get; set; }
    public DateOnly To { get; set; }
    public string? Title { get; set; }

    public string? Note { get; set; }
    public int? CorrectsFigureId { get; set; }
    public string? CorrectionReason { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public string RecordedByName { get; set; } = "";

    public List<FigureTarget> Targets { get; set; } = [];

    /// <summary>What the figure adds to a count target; null when it is not a count.</summary>
    public int? CountValue => FigureValues.CountFor(Kind, Total, Started);

    public IEnumerable<Message> Check(ResultReport report)
    {
        if (To < From)
        {
            yield return new Message("The end date must not be before the start date.");
        }
        if (From < report.PeriodStart || To > report.PeriodEnd)
        {
            yield return new Message("The date must be within the report's period ({0} – {1}).", report.PeriodStart, report.PeriodEnd);
        }
        var counts = this.Counts().ToList();
        if (counts.Any(c => c < 0))
        {
            yield return new Message("Counts must not be negative.");
        }
        if (counts.Any(c => c > 1_000_000))
        {
            yield return new Message("A count of more than 1 000 000 is not plausible here.");
        }
        var genders = (Women ?? 0) + (Men ?? 0) + (OtherGender ?? 0);
        if (Total is { } total && genders > total)
        {
            yield return new Message("Women, men and other add up to {0}, more than the total {1}.", genders, total);
        }
        var ages = Ages.Sum(a => a.Count ?? 0) + (AgeNotStated ?? 0);
        if (Total is { } t2 && ages > t2)
        {
            yield return new Message("The age bands add up to {0}, more than the total {1}.", ages, t2);
        }
        if (Completed > Started)
        {
            yield return new Message("More participants completed than started.");
        }
        var shares = this.Shares().ToList();
        if (shares.Any(s => s is < 0 or > 100))
        {
            yield return new Message("A share is between 0 and 100 %.");
        }
        if (MenPercent + WomenPercent > 100)
        {
            yield return new Message("The shares of women and men must not exceed 100 %.");
        }
        switch (Kind)
        {
            case FigureKind.Event when Total is null:
                yield return new Message("An event needs its kind and the number of visitors.");
                break;
            case FigureKind.DropInVisits or FigureKind.PeopleReached when Total is null:
                yield return new Message("Enter the number.");
                break;
            case FigureKind.Participants when Started is null:
                yield return new Message("Enter how many started.");
                break;
            case FigureKind.Outcome when Total is null:
                yield return new Message("An outcome needs its kind and the number.");
                break;
            case FigureKind.Survey when string.IsNullOrWhiteSpace(Question) || Respondents is null || AgreeBeforePercent is null || AgreeAfterPercent is null:
                yield return new Message("A survey needs the question, the respondents and the shares before and after.");
                break;
            case FigureKind.GenderSplit when MenPercent is null || WomenPercent is null:
                yield return new Message("A gender split needs the share of women and of men.");
                break;
        }
        foreach (var problem in report.Lists.Check(Kind, EventKind, OutcomeKind, Ages, CorrectsFigureId is { } c ? report.Figures.FirstOrDefault(f => f.Id == c) : null))
        {
            yield return problem.Message;
        }
        var texts = new InputCheck()
            .Text(nameof(Title), Title, TextLimit.Short)
            .Text(nameof(Question), Question, TextLimit.Description)
            .Text(nameof(Note), Note, TextLimit.Medium, multiline: true)
            .Text(nameof(CorrectionReason), CorrectionReason, TextLimit.Medium, multiline: true);
        foreach (var problem in texts.Problems)
        {
            yield return problem.Message;
        }
    }
}

/// <summary>A figure counts towards a target; the key makes it count at most once within one target.</summary>
public class FigureTarget : IPartOf<Figure>
{
    public int FigureId { get; set; }
    public int ExpectedResultId { get; set; }
}

/// <summary>The parties' explanation of how a target went, for a year (mentorship: 8 of 16 because the first mentor provider withdrew).</summary>
public class TargetExplanation : IPartOf<ExpectedResult>
{
    public int Id { get; set; }
    public int ExpectedResultId { get; set; }
    public int Year { get; set; }
    public required string Text { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public string RecordedByName { get; set; } = "";
}
