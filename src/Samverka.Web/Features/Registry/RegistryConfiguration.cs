using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Samverka.Web.Features.Boards;
using Samverka.Web.Features.Partnerships;

namespace Samverka.Web.Features.Registry;

public sealed class RegistryDocumentConfiguration : IEntityTypeConfiguration<RegistryDocument>
{
    public void Configure(EntityTypeBuilder<RegistryDocument> b)
    {
        b.Property(d => d.Direction).HasConversion<string>().HasMaxLength(10);
        b.Property(d => d.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(d => d.CaseNumber).HasMaxLength(50);
        b.Property(d => d.Description).HasMaxLength(1000);
        b.Property(d => d.Counterparty).HasMaxLength(300);
        b.Property(d => d.FileName).HasMaxLength(200);
        b.Property(d => d.StorageKey).HasMaxLength(32);
        b.Property(d => d.Sha256).HasMaxLength(64);
        b.HasIndex(d => new { d.CaseNumber, d.Sequence }).IsUnique();
        b.HasIndex(d => new { d.BoardId, d.RegisteredOn });
        b.HasOne<Board>().WithMany().HasForeignKey(d => d.BoardId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Partnership>().WithMany().HasForeignKey(d => d.PartnershipId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<RegistryDocument>().WithMany().HasForeignKey(d => d.CorrectsDocumentId).OnDelete(DeleteBehavior.Restrict);
    }
}
