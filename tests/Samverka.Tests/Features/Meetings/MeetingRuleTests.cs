using Samverka.Web.Features.Agreements;
using Samverka.Web.Features.Meetings;

namespace Samverka.Tests.Features.Meetings;

public class MeetingRuleTests
{
    [Fact]
    public void Cadence_EveryOtherMonthOverAYear_PlansSix()
    {
        var planned = MeetingCadence.Planned(new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 31), 2);
        Assert.Equal([1, 3, 5, 7, 9, 11], planned.Select(d => d.Month));
        Assert.Equal(6, MeetingCadence.PlannedIn(2024, new DateOnly(2024, 1, 1), new DateOnly(2026, 12, 31), 2));
    }

    [Fact]
    public void Cadence_StartingMidYear_CountsPerYear()
    {
        Assert.Equal(3, MeetingCadence.PlannedIn(2024, new DateOnly(2024, 7, 1), new DateOnly(2025, 6, 30), 2));
        Assert.Equal(3, MeetingCadence.PlannedIn(2025, new DateOnly(2024, 7, 1), new DateOnly(2025, 6, 30), 2));
        Assert.Equal(12, MeetingCadence.PlannedIn(2024, new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 31), 1));
        Assert.Empty(MeetingCadence.Planned(new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 31), 0));
    }

    private static Meeting Held() => new()
    {
        Id = 7,
        PartnershipId = 1,
        Group = GroupKind.SteeringGroup,
        HeldOn = new DateOnly(2024, 3, 12),
        Minutes = "Protokoll",
        Approvers = [new MinutesApprover { UserId = "a", Name = "A" }, new MinutesApprover { UserId = "b", Name = "B" }],
    };

    [Fact]
    public void Minutes_AreLockedWhenEveryNamedMemberHasApproved()
    {
        var m = Held();
        Assert.Null(m.Approve(new Actor("a", "a", DateTimeOffset.UnixEpoch)));
        Assert.False(m.MinutesLocked);
        Assert.NotNull(m.Approve(new Actor("a", "a", DateTimeOffset.UnixEpoch)));
        Assert.NotNull(m.Approve(new Actor("c", "c", DateTimeOffset.UnixEpoch)));
        Assert.Null(m.Approve(new Actor("b", "b", DateTimeOffset.UnixEpoch)));
        Assert.True(m.MinutesLocked);
    }

    [Fact]
    public void HeldOn_BeforeTheAgreementOrInTheFuture_IsRefused()
    {
        var agreement = new Agreement { Title = "Ö", StartDate = new DateOnly(2024, 1, 1), EndDate = new DateOnly(2024, 12, 31) };
        Assert.NotNull(Held().CheckHeldOn(new DateOnly(2023, 12, 1), agreement, new DateOnly(2024, 6, 1)));
        Assert.NotNull(Held().CheckHeldOn(new DateOnly(2024, 7, 1), agreement, new DateOnly(2024, 6, 1)));
        Assert.Null(Held().CheckHeldOn(new DateOnly(2024, 5, 1), agreement, new DateOnly(2024, 6, 1)));
    }

    private static Deviation Open() => new() { Id = 3, PartnershipId = 1, WhatDiffers = "8 av 16", Why = "Mentoraktören drog sig ur", RaisedBy = "X" };

    [Fact]
    public void Deviation_IsDecidedAtAHeldSteeringGroupMeeting_AsANumberedDecision()
    {
        var d = Open();
        var m = Held();
        Assert.Null(d.Decide(m, DeviationStatus.ApprovedWithChanges, "Ny mentoraktör upphandlas", "Bilaga 1"));
        Assert.Equal((DeviationStatus.ApprovedWithChanges, 7, "Bilaga 1"), (d.Status, d.DecidedAtMeetingId!.Value, d.Amendment));
        var decision = Assert.Single(m.Decisions);
        Assert.Equal((1, 3), (decision.Number, decision.DeviationId!.Value));
        Assert.NotNull(d.Decide(m, DeviationStatus.Rejected, null, null)); // already decided
    }

    [Fact]
    public void Deviation_WithoutAHeldSteeringGroupMeeting_IsRefused()
    {
        Assert.NotNull(Open().Decide(new Meeting { PartnershipId = 1, Group = GroupKind.SteeringGroup, PlannedFor = new DateOnly(2024, 5, 1) }, DeviationStatus.Approved, null, null));
        Assert.NotNull(Open().Decide(new Meeting { PartnershipId = 1, Group = GroupKind.WorkingGroup, HeldOn = new DateOnly(2024, 5, 1) }, DeviationStatus.Approved, null, null));
        Assert.NotNull(Open().Decide(new Meeting { PartnershipId = 2, Group = GroupKind.SteeringGroup, HeldOn = new DateOnly(2024, 5, 1) }, DeviationStatus.Approved, null, null));
        Assert.NotNull(Open().Decide(Held(), DeviationStatus.ApprovedWithChanges, " ", null));
    }
}
