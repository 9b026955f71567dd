using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Samverka.Web.Features.Boards;

namespace Samverka.Web.Features.Decisions;

public sealed class DecisionConfiguration : IEntityTypeConfiguration<Decision>
{
    public void Configure(EntityTypeBuilder<Decision> b)
    {
        b.Property(x => x.MadeBy).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Paragraph).HasMaxLength(20);
        b.Property(x => x.CaseNumber).HasMaxLength(50);
        b.HasOne<Board>().WithMany().HasForeignKey(x => x.BoardId).OnDelete(DeleteBehavior.Restrict);
    }
}
