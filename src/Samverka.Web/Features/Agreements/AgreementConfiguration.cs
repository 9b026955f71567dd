using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Samverka.Web.Features.Agreements;

public sealed class AgreementConfiguration : IEntityTypeConfiguration<Agreement>
{
    public void Configure(EntityTypeBuilder<Agreement> b)
    {
        b.Property(a => a.Title).HasMaxLength(TextLimit.Short);
        foreach (var p in new[] { nameof(Agreement.SocietalChallenge), nameof(Agreement.Purpose), nameof(Agreement.Method), nameof(Agreement.Values), nameof(Agreement.ResourcesText), nameof(Agreement.EconomyText), nameof(Agreement.SteeringGroupText), nameof(Agreement.WorkingGroupText) })
        {
            b.Property(p).HasMaxLength(TextLimit.Long);
        }
        b.HasIndex(a => new { a.PartnershipId, a.StartDate });
        b.HasOne(a => a.Partnership).WithMany(p => p.Agreements).HasForeignKey(a => a.PartnershipId);
        b.HasOne(a => a.Decision).WithMany().HasForeignKey(a => a.DecisionId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(a => a.NoticeDecision).WithMany().HasForeignKey(a => a.NoticeDecisionId).OnDelete(DeleteBehavior.Restrict);
        b.OwnsOne(a => a.Invoicing);
        b.OwnsOne(a => a.TargetGroup);
        b.OwnsOne(a => a.Terms, t =>
        {
            foreach (var p in typeof(StandingTerms).GetProperties())
            {
                t.Property(p.Name).HasMaxLength(TextLimit.Long);
            }
        });
        b.PrimitiveCollection(a => a.Agenda2030Goals);
        b.PrimitiveCollection(a => a.IndexValues);
        b.Property(a => a.GrantAdjustment).HasConversion<string>().HasMaxLength(20);
        b.Property(a => a.Initiative).HasConversion<string>().HasMaxLength(20);
        b.Property(a => a.AdjustmentIndex).HasMaxLength(TextLimit.Short);
        b.Property(a => a.OneOffPurpose).HasMaxLength(TextLimit.Short);
        b.HasMany(a => a.ChallengeFigures).WithOne().HasForeignKey(x => x.AgreementId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(a => a.Parties).WithOne().HasForeignKey(x => x.AgreementId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(a => a.CooperatingOrganisations).WithOne().HasForeignKey(x => x.AgreementId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(a => a.Goals).WithOne().HasForeignKey(x => x.AgreementId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(a => a.GroupMembers).WithOne().HasForeignKey(x => x.AgreementId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(a => a.BudgetLines).WithOne().HasForeignKey(x => x.AgreementId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(a => a.InKindContributions).WithOne().HasForeignKey(x => x.AgreementId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(a => a.Attachments).WithOne().HasForeignKey(x => x.AgreementId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(a => a.Extensions).WithOne().HasForeignKey(x => x.AgreementId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(a => a.Events).WithOne().HasForeignKey(x => x.AgreementId).OnDelete(DeleteBehavior.Cascade);
        b.Ignore(a => a.BudgetTotal);
    }
}

public sealed class GoalConfiguration : IEntityTypeConfiguration<Goal>
{
    public void Configure(EntityTypeBuilder<Goal> b)
    {
        b.Property(g => g.Title).HasMaxLength(500);
        b.HasMany(g => g.ExpectedResults).WithOne().HasForeignKey(x => x.GoalId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(g => g.Activities).WithOne().HasForeignKey(x => x.GoalId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class ExpectedResultConfiguration : IEntityTypeConfiguration<ExpectedResult>
{
    public void Configure(EntityTypeBuilder<ExpectedResult> b)
    {
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        // Existing rows are at least; the migration makes a split's old built-in ±5 points its stated tolerance.
        b.Property(x => x.Direction).HasConversion<string>().HasMaxLength(10);
        b.Property(x => x.ShareOf).HasConversion<string>().HasMaxLength(30);
        b.Property(x => x.ShareCategory).HasMaxLength(Results.ReportingCategory.CodeMax);
        b.Property(x => x.ShareLabel).HasMaxLength(TextLimit.Short);
        b.HasOne(x => x.ResponsibleOrganisation).WithMany().HasForeignKey(x => x.ResponsibleOrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.AddedByDecision).WithMany().HasForeignKey(x => x.AddedByDecisionId).OnDelete(DeleteBehavior.Restrict);
        b.Ignore(x => x.TotalTarget);
    }
}

public sealed class AgreementPartyConfiguration : IEntityTypeConfiguration<AgreementParty>
{
    public void Configure(EntityTypeBuilder<AgreementParty> b)
    {
        b.Property(x => x.Role).HasConversion<string>().HasMaxLength(20);
        b.HasOne(x => x.Organisation).WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class GroupMemberConfiguration : IEntityTypeConfiguration<GroupMember>
{
    public void Configure(EntityTypeBuilder<GroupMember> b) => b.Property(x => x.Group).HasConversion<string>().HasMaxLength(20);
}

public sealed class AgreementEventConfiguration : IEntityTypeConfiguration<AgreementEvent>
{
    public void Configure(EntityTypeBuilder<AgreementEvent> b) => b.Property(x => x.Step).HasConversion<string>().HasMaxLength(20);
}

public sealed class AgreementExtensionConfiguration : IEntityTypeConfiguration<AgreementExtension>
{
    public void Configure(EntityTypeBuilder<AgreementExtension> b) =>
        b.HasOne(x => x.Decision).WithMany().HasForeignKey(x => x.DecisionId).OnDelete(DeleteBehavior.Restrict);
}

public sealed class AgreementAttachmentConfiguration : IEntityTypeConfiguration<AgreementAttachment>
{
    public void Configure(EntityTypeBuilder<AgreementAttachment> b)
    {
        b.Property(x => x.Title).HasMaxLength(TextLimit.Short);
        // A registered document is never deleted; the agreement only points to it.
        b.HasOne(x => x.Document).WithMany().HasForeignKey(x => x.RegistryDocumentId).OnDelete(DeleteBehavior.Restrict);
    }
}
