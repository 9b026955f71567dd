using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Samverka.Web.Features.Boards;

namespace Samverka.Web.Features.Organisations;

public sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> b)
    {
        b.Property(o => o.Name).HasMaxLength(300);
        b.Property(o => o.OrganisationNumber).HasMaxLength(11);
        b.Property(o => o.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(o => o.LegalForm).HasConversion<string>().HasMaxLength(40);
        // Unique where known; several organisations may lack a known number.
        b.HasIndex(o => o.OrganisationNumber).IsUnique();
        b.HasIndex(o => o.Name);
        b.HasOne<Board>().WithMany().HasForeignKey(o => o.BoardId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(o => o.FormerNames).WithOne().HasForeignKey(n => n.OrganisationId).OnDelete(DeleteBehavior.Cascade);
    }
}
