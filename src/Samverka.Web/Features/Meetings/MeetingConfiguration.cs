using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Samverka.Web.Features.Agreements;
using Samverka.Web.Features.Partnerships;

namespace Samverka.Web.Features.Meetings;

public sealed class MeetingConfiguration : IEntityTypeConfiguration<Meeting>
{
    public void Configure(EntityTypeBuilder<Meeting> b)
    {
        b.Property(m => m.Group).HasConversion<string>().HasMaxLength(20);
        b.Property(m => m.Agenda).HasMaxLength(TextLimit.Long);
        b.Property(m => m.Minutes).HasMaxLength(TextLimit.Long);
        b.HasIndex(m => m.PartnershipId);
        b.HasOne<Partnership>().WithMany().HasForeignKey(m => m.PartnershipId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(m => m.Attendees).WithOne().HasForeignKey(x => x.MeetingId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(m => m.Decisions).WithOne().HasForeignKey(x => x.MeetingId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(m => m.ActionItems).WithOne().HasForeignKey(x => x.MeetingId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(m => m.Approvers).WithOne().HasForeignKey(x => x.MeetingId).OnDelete(DeleteBehavior.Cascade);
        b.Ignore(m => m.IsHeld);
        b.Ignore(m => m.Year);
        b.Ignore(m => m.MinutesLocked);
    }
}

public sealed class DeviationConfiguration : IEntityTypeConfiguration<Deviation>
{
    public void Configure(EntityTypeBuilder<Deviation> b)
    {
        b.Property(d => d.Subject).HasConversion<string>().HasMaxLength(20);
        b.Property(d => d.Status).HasConversion<string>().HasMaxLength(30);
        b.HasIndex(d => new { d.PartnershipId, d.Status });
        b.HasOne<Partnership>().WithMany().HasForeignKey(d => d.PartnershipId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Agreement>().WithMany().HasForeignKey(d => d.AgreementId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Meeting>().WithMany().HasForeignKey(d => d.DecidedAtMeetingId).OnDelete(DeleteBehavior.Restrict);
    }
}
