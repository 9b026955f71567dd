using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Samverka.Web.Features.Agreements;
using Samverka.Web.Features.Partnerships;

namespace Samverka.Web.Features.Results;

public sealed class ResultReportConfiguration : IEntityTypeConfiguration<ResultReport>
{
    public void Configure(EntityTypeBuilder<ResultReport> b)
    {
        b.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        b.HasIndex(r => new { r.PartnershipId, r.PeriodStart });
        b.HasIndex(r => r.AgreementId);
        b.HasOne<Partnership>().WithMany().HasForeignKey(r => r.PartnershipId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(r => r.Agreement).WithMany().HasForeignKey(r => r.AgreementId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(r => r.Figures).WithOne().HasForeignKey(f => f.ReportId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(r => r.History).WithOne().HasForeignKey(e => e.ReportId).OnDelete(DeleteBehavior.Cascade);
        b.Ignore(r => r.IsEditable);
        b.Ignore(r => r.Overlapping);
        b.Ignore(r => r.Lists);
        b.Ignore(r => r.RecordingOrganisationId);
    }
}

public sealed class FigureConfiguration : IEntityTypeConfiguration<Figure>
{
    public void Configure(EntityTypeBuilder<Figure> b)
    {
        b.Property(f => f.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(f => f.EventKind).HasMaxLength(ReportingCategory.CodeMax);
        b.Property(f => f.OutcomeKind).HasMaxLength(ReportingCategory.CodeMax);
        b.OwnsMany(f => f.Ages, a =>
        {
            a.ToTable("FigureAgeCounts");
            a.WithOwner().HasForeignKey("FigureId");
            a.HasKey("FigureId", nameof(AgeCount.Code));
            a.Property(x => x.Code).HasMaxLength(ReportingCategory.CodeMax);
        });
        b.Property(f => f.Title).HasMaxLength(300);
        b.Property(f => f.Question).HasMaxLength(1000);
        b.Property(f => f.RecordedByName).HasMaxLength(200);
        b.HasOne<Figure>().WithMany().HasForeignKey(f => f.CorrectsFigureId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(f => f.Targets).WithOne().HasForeignKey(t => t.FigureId).OnDelete(DeleteBehavior.Cascade);
        b.Ignore(f => f.CountValue);
    }
}

public sealed class ReportingCategoryConfiguration : IEntityTypeConfiguration<ReportingCategory>
{
    public void Configure(EntityTypeBuilder<ReportingCategory> b)
    {
        b.Property(c => c.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(c => c.Code).HasMaxLength(ReportingCategory.CodeMax);
        b.Property(c => c.Name).HasMaxLength(ReportingCategory.NameMax);
        b.Property(c => c.NameEn).HasMaxLength(ReportingCategory.NameMax);
        b.HasIndex(c => new { c.MunicipalityId, c.AgreementId, c.Kind, c.Code }).IsUnique();
        b.HasIndex(c => c.AgreementId);
        b.HasOne<Municipalities.Municipality>().WithMany().HasForeignKey(c => c.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Agreement>().WithMany().HasForeignKey(c => c.AgreementId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class AgreementCategoryConfiguration : IEntityTypeConfiguration<AgreementCategory>
{
    public void Configure(EntityTypeBuilder<AgreementCategory> b)
    {
        b.HasKey(x => new { x.AgreementId, x.ReportingCategoryId });
        b.HasIndex(x => x.ReportingCategoryId);
        b.HasOne<Agreement>().WithMany().HasForeignKey(x => x.AgreementId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<ReportingCategory>().WithMany().HasForeignKey(x => x.ReportingCategoryId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class FigureTargetConfiguration : IEntityTypeConfiguration<FigureTarget>
{
    public void Configure(EntityTypeBuilder<FigureTarget> b)
    {
        b.HasKey(t => new { t.FigureId, t.ExpectedResultId });
        b.HasIndex(t => t.ExpectedResultId);
        b.HasOne<ExpectedResult>().WithMany().HasForeignKey(t => t.ExpectedResultId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class ReportEventConfiguration : IEntityTypeConfiguration<ReportEvent>
{
    public void Configure(EntityTypeBuilder<ReportEvent> b)
    {
        b.Property(e => e.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(e => e.ByName).HasMaxLength(200);
    }
}

public sealed class TargetExplanationConfiguration : IEntityTypeConfiguration<TargetExplanation>
{
    public void Configure(EntityTypeBuilder<TargetExplanation> b)
    {
        b.HasIndex(e => new { e.ExpectedResultId, e.Year }).IsUnique();
        b.HasOne<ExpectedResult>().WithMany().HasForeignKey(e => e.ExpectedResultId).OnDelete(DeleteBehavior.Cascade);
        b.Property(e => e.RecordedByName).HasMaxLength(200);
    }
}
