namespace Samverka.Tests.Support;

/// <summary>The demo accounts by what they are for.</summary>
public static class Users
{
    public const string Coordinator = "koordinator@jarva.example";
    public const string CaseOfficer = "handlaggare@jarva.example";
    public const string Head = "chef@jarva.example";
    public const string BoardMember = "ledamot@jarva.example";
    public const string FolketsHusby = "partner@folketshusby.example";
    public const string IogtSpanga = "partner@iogt-spanga.example";
    public const string SteeringMember = "styrgrupp@jobbtorg.example";
    public const string Administrator = "admin@stockholm.example";
}
