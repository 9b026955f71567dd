using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Samverka.Web.Features.Boards;

public sealed class BoardConfiguration : IEntityTypeConfiguration<Board>
{
    public void Configure(EntityTypeBuilder<Board> b)
    {
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.CaseNumberPattern).HasMaxLength(CaseNumberFormat.MaxPatternLength);
        b.Ignore(x => x.CaseNumbers);
        // A board's name is unique within its municipality: two cities may both have a "Kommunstyrelsen".
        b.HasIndex(x => new { x.MunicipalityId, x.Name }).IsUnique();
        b.HasOne(x => x.Successor).WithMany(x => x.Predecessors).HasForeignKey(x => x.SuccessorId).OnDelete(DeleteBehavior.Restrict);
    }
}
