using System.Text;

namespace Samverka.Tests.Support;

/// <summary>Files that tests upload.</summary>
public static class TestFiles
{
    /// <summary>The smallest whole PDF: header, one object, cross-reference table, trailer and end marker.</summary>
    public static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj\n<<>>\nendobj\nxref\n0 2\n0000000000 65535 f \n0000000009 00000 n \ntrailer\n<< /Size 2 >>\nstartxref\n33\n%%EOF");
}
