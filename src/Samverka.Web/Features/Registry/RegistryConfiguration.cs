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
        b.Property(d => d.CaseNumber).HasMaxLength(TextLimit.CaseNumber);
        b.Property(d => d.Description).HasMaxLength(TextLimit.Description);
        b.Property(d => d.PublicDescription).HasMaxLength(TextLimit.Description);
        b.Property(d => d.Counterparty).HasMaxLength(TextLimit.Short);
        b.Property(d => d.ConfidentialityNote).HasMaxLength(TextLimit.Short);
        b.Property(d => d.FileName).HasMaxLength(TextLimit.FileName);
        b.Property(d => d.StorageKey).HasMaxLength(32);
        b.Property(d => d.Sha256).HasMaxLength(64);
        b.HasIndex(d => new { d.CaseNumber, d.Sequence }).IsUnique();
        b.HasIndex(d => new { d.BoardId, d.RegisteredOn });
        b.HasOne<Board>().WithMany().HasForeignKey(d => d.BoardId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Partnership>().WithMany().HasForeignKey(d => d.PartnershipId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<RegistryDocument>().WithMany().HasForeignKey(d => d.CorrectsDocumentId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(d => d.Grants).WithOne().HasForeignKey(g => g.RegistryDocumentId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class ConfidentialAccessConfiguration : IEntityTypeConfiguration<ConfidentialAccess>
{
    public void Configure(EntityTypeBuilder<ConfidentialAccess> b)
    {
        b.Property(g => g.UserId).HasMaxLength(450);
        b.Property(g => g.UserName).HasMaxLength(TextLimit.Short);
        b.Property(g => g.Reason).HasMaxLength(TextLimit.Description);
        b.Property(g => g.GrantedBy).HasMaxLength(TextLimit.Short);
        b.Property(g => g.RevokedBy).HasMaxLength(TextLimit.Short);
        b.HasIndex(g => new { g.RegistryDocumentId, g.UserId });
    }
}

public sealed class DocumentOpeningConfiguration : IEntityTypeConfiguration<DocumentOpening>
{
    public void Configure(EntityTypeBuilder<DocumentOpening> b)
    {
        b.Property(o => o.UserId).HasMaxLength(450);
        b.Property(o => o.UserName).HasMaxLength(TextLimit.Short);
        b.HasOne<RegistryDocument>().WithMany().HasForeignKey(o => o.RegistryDocumentId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(o => new { o.RegistryDocumentId, o.At });
    }
}
