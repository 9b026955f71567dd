using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Samverka.Web.Features.Audit;

public sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.Property(e => e.Action).HasConversion<string>().HasMaxLength(10);
        b.Property(e => e.EntityType).HasMaxLength(100);
        b.Property(e => e.EntityKey).HasMaxLength(100);
        b.Property(e => e.UserName).HasMaxLength(200);
        b.Property(e => e.Changes).HasMaxLength(200_000);
        b.Property(e => e.PreviousHash).HasMaxLength(64);
        b.Property(e => e.Hash).HasMaxLength(64);
        // The newest entry of a partnership (or of the registers, null) is a cache stamp read on every page: see ADR 7.
        b.HasIndex(e => new { e.PartnershipId, e.Id });
        b.HasIndex(e => new { e.EntityType, e.EntityKey });
    }
}

public sealed class AuditHeadConfiguration : IEntityTypeConfiguration<AuditHead>
{
    public void Configure(EntityTypeBuilder<AuditHead> b)
    {
        b.Property(h => h.Id).ValueGeneratedNever();
        b.Property(h => h.LastHash).HasMaxLength(64);
        b.Property(h => h.Seal).HasMaxLength(64);
    }
}
