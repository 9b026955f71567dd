using System.Diagnostics.CodeAnalysis;

namespace Samverka.Web.Infrastructure;

/// <summary>How a step ended. Pages and API translate the kind; nothing reads the message text to decide.</summary>
public enum OutcomeStatus
{
    Done,
    /// <summary>The user may not see the thing (or it does not exist): never revealed as "forbidden".</summary>
    NotFound,
    /// <summary>The user sees it but may not do this; the message says why.</summary>
    Forbidden,
    /// <summary>The input has errors, each tied to its field.</summary>
    Invalid,
    /// <summary>The input is fine but the rules do not allow the step now (e.g. signing a draft).</summary>
    Refused,
    /// <summary>Someone else saved in between; nothing was saved.</summary>
    Conflict,
}

/// <summary>Why a step did not happen: the kind, and the message or the field problems.</summary>
public sealed record Failure(OutcomeStatus Kind, Message? Message, IReadOnlyList<FieldProblem> Problems)
{
    /// <summary>A rule's refusal (null stays null), so domain methods that return <c>Message?</c> read as steps.</summary>
    [return: NotNullIfNotNull(nameof(message))]
    public static implicit operator Failure?(Message? message) => message is null ? null : Outcome.Refused(message);
}

/// <summary>What a step gives back: its value when done, otherwise the failure.</summary>
public sealed class Outcome<T>
{
    private Outcome(OutcomeStatus kind, T? value, Failure? failure) => (Kind, Value, Failure) = (kind, value, failure);

    public OutcomeStatus Kind { get; }
    public T? Value { get; }
    public Failure? Failure { get; }

    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Failure))]
    public bool IsDone => Kind == OutcomeStatus.Done;

    public static Outcome<T> Done(T value) => new(OutcomeStatus.Done, value, null);

    public static implicit operator Outcome<T>(Failure failure) => new(failure.Kind, default, failure);
}

public static class Outcome
{
    public const string ConflictText = "Someone else changed this in the meantime; nothing was saved. Fetch it again and repeat your change.";
    public const string VersionMissingText = "Send the version you read, so that nobody's change is overwritten.";

    public static Outcome<T> Done<T>(T value) => Outcome<T>.Done(value);

    /// <summary>Done with <paramref name="value"/> unless the rule refused.</summary>
    public static Outcome<T> Of<T>(T value, Message? refused) => refused is null ? Done(value) : Refused(refused);

    /// <summary>Done with <paramref name="value"/> unless there are field problems.</summary>
    public static Outcome<T> Of<T>(T value, IReadOnlyCollection<FieldProblem> problems) => problems.Count == 0 ? Done(value) : Invalid(problems);

    public static Failure Refused(Message message) => new(OutcomeStatus.Refused, message, []);

    public static Failure Forbidden(Message reason) => new(OutcomeStatus.Forbidden, reason, []);

    public static readonly Failure NotFound = new(OutcomeStatus.NotFound, new Message("Not found."), []);

    public static readonly Failure Conflict = new(OutcomeStatus.Conflict, new Message(ConflictText), []);

    public static Failure Invalid(IEnumerable<FieldProblem> problems) => new(OutcomeStatus.Invalid, null, [.. problems]);

    public static Failure Invalid(string field, Message message) => new(OutcomeStatus.Invalid, null, [new FieldProblem(field, message)]);

    /// <summary>The same failure for another value type (e.g. a step on a report failing inside a page's own step).</summary>
    public static Outcome<TOther> As<TOther>(this Failure failure) => failure;
}
