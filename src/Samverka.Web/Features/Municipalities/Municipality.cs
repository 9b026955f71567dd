using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Samverka.Web.Data;
using Samverka.Web.Features.Boards;

namespace Samverka.Web.Features.Municipalities;

/// <summary>A kommun or a region: the public party of its partnerships, with its own boards and settings.</summary>
public enum MunicipalityKind { Municipality, Region }

/// <summary>
/// A municipality (kommun) or region: its boards, and what it keeps for all of them, such as the reporting lists its
/// partners report figures by. Its administrations share its organisation number (every Stockholm district administration is 212000-0142).
/// </summary>
public class Municipality : VersionedEntity
{
    public required string Name { get; set; }
    public MunicipalityKind Kind { get; set; }

    /// <summary>The municipality's organisation number (212000-0142); null when not yet entered.</summary>
    public string? OrganisationNumber { get; set; }

    public List<Board> Boards { get; set; } = [];
}

public sealed class MunicipalityConfiguration : IEntityTypeConfiguration<Municipality>
{
    public void Configure(EntityTypeBuilder<Municipality> b)
    {
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.OrganisationNumber).HasMaxLength(11);
        b.HasIndex(x => x.Name).IsUnique();
        b.HasMany(x => x.Boards).WithOne(x => x.Municipality).HasForeignKey(x => x.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
    }
}
