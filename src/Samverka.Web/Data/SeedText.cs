namespace Samverka.Web.Data;

/// <summary>The running text of the Folkets Husby agreement (seed 001), verbatim but for PDF extraction noise.</summary>
internal static class SeedText
{
    public const string Challenge =
        "I Järva stadsdelsområde är förvärvsintensiteten lägre än i övriga stadsdelsområden i staden och arbetslösheten hög. Järva stadsdelsförvaltning har flest antal individer aktuella för ekonomiskt bistånd i staden. Vidare finns det i Järva stadsdelsområde en högre andel¹ unga utan arbete (UVAS) än genomsnittet i staden². Att arbeta eller studera är en nyckel för att alla stockholmare ska få förverkliga sina livsdrömmar och bli självförsörjande.\n\n"
        + "Järva stadsdelsförvaltning och arbetsmarknadsförvaltningen har verksamheter riktade till målgrupper upp till 19 år, respektive upp till 29 år i och med det kommunala aktivitetsansvaret (KAA) samt genom det uppsökande arbetet gentemot Unga utan arbete och studier (UVAS). Förvaltningens verksamhet Kompetensverkstan som arbetar med UVAS är geografiskt beläget i Tensta och det saknas liknande verksamhet för målgruppen i övriga delar av Järva. Vidare anordnar Järva stadsdelsförvaltning samt arbetsmarknadsförvaltningen välbesökta mässor med tema arbete och studier men dessa täcker inte behovet i stadsdelsområdet. Genom att rikta sig särskilt till målgruppen personer mellan 19-29 år samt att även erbjuda stöd till de i målgruppen som redan arbetar eller studerar och de som inte har ekonomiskt bistånd utgör samverkan med Folkets Husby ett komplement till stadens verksamheter. Ett komplement som särskilt behövs i kommande års lågkonjunktur med befarad ökad arbetslöshet.";

    public const string Purpose =
        "Nedan redovisas parternas gemensamt förväntade resultat samt formulerade mål med verksamheten. Varje part ska ansvara för och styra sina egna verksamheter men har samtidigt förbundit sig att anpassa dessa för att nå målen.";

    public const string Method =
        "Partnerskapet kommer att genom beskriven organisation, genomförande av bestämda aktiviteter och genom att verka enligt framtagen värdegrund uppnå partnerskapets syfte och mål.";

    public const string Values =
        "Partnerskapet bygger på tillit och på gemensamt framtagna behov mellan de samverkande parterna som syftar till att bidra till jämlikhet, jämställdhet och allas lika värde. Samtliga parter bidrar med resurser och är jämlika parter i samverkan.\n\n"
        + "Överenskommelsen bygger på respekt för parternas olika förutsättningar, öppenhet och dialog som karaktäriseras av ömsesidig tillit, lyhördhet och förståelse. Det ska finnas en acceptans för varandras olika synsätt samt transparens och långsiktighet i samarbetet. Vidare bygger överenskommelsen på varsam och respektfull hantering av de offentliga medlen som möjliggör verksamheten.";

    public const string SteeringGroup =
        "Styrgruppen för partnerskapet ses varannan månad och ansvarar för att ta beslut gällande eventuella avvikelser från aktiviteter eller budget samt hanterar frågor och underlag från arbetsgruppen. Vidare ansvarar styrgruppen för att följa budgetföljsamhet samt att mål, aktiviteter och förväntat resultat genomförs och uppfylls enligt målsättning.\n\n"
        + "Styrgruppen äger rätt att vid behov adjungera ytterligare representanter eller deltagare.";

    public const string WorkingGroup =
        "Arbetsgruppen ansvar för samordning av det operativa arbetet med utgångspunkt i de aktiviteter som ingår i partnerskapet.\n\n"
        + "Arbetsgruppen träffas löpande. Arbetsgruppen rapporterar vid behov och vid avvikelser in underlag för planerade aktiviteter till styrgruppen för beslut.\n\n"
        + "Aktörerna är ansvariga för arbetsledning och arbetsmiljö för sin respektive personal.";

    public const string Resources =
        "Järva stadsdelsförvaltning finansierar partnerskapet med 1 400 000 kronor per år. Utöver det bidrar Järva stadsdelsförvaltning med personella resurser i enlighet med redovisning av styrgrupp och arbetsgrupp.\n\n"
        + "Samtliga parter i samverkan bidrar med kunskap och lärande i syfte att partnerskapet ska utvecklas.\n\n"
        + "Folkets Husby bidrar med personella resurser till styrgrupp och arbetsgrupp och delvis med lokaler samt material.\n\n"
        + "Folkets Husby ansvarar för att upprätta en årlig budget för verksamheten inom partnerskapet.";

    public const string Economy =
        "Den ekonomiska redovisningen ska kunna särskiljas i Folkets Husbys ekonomiska redovisning. Kostnader som finansieras av partnerskapet får ej finansieras av andra medel. Med anledning av det kan andra medel komma att behöva redovisas i återredovisningen.";

    public const string FollowUp =
        "Parterna ansvarar för att gemensamt planera och följa upp det pågående arbetet, säkerställa att båda parter bidrar enligt överenskommelsen och vid behov justera insatser för att garantera att partnerskapets mål uppnås. Minst en gång per år ska en uppföljning av överenskommelsen göras i dialog mellan förvaltningen och den idéburna organisationen för att fortsatt utbetalning ska kunna ske. Uppföljningen ligger till grund för en bedömning av organisationen och stadens efterlevnad av överenskommelsen.\n\n"
        + "Den idéburna verksamheten ska lämna en redogörelse för verksamheten vid uppföljning. Redogörelsen ska innehålla en resultat- och balansräkning, en skriftlig beskrivning av verksamheten samt annan relevant statistik i enlighet med angivna mätetal och förväntat resultat.\n\n"
        + "Samtliga parter ansvarar för att säkerställa att statistik lämnas över till den idéburna verksamheten i samband med uppföljning.";

    public const string Documentation =
        "Under tiden samverkan pågår dokumenteras och diarieförs samtliga möten, justeringar och överenskommelser och delas med respektive part.";

    public const string Renegotiation =
        "För att förlänga ett partnerskap krävs ett dokumenterat och förankrat beslut inom respektive part. Som underlag för detta används uppföljningar, slutrapport med mera. Järva stadsdelsnämnd fattar ytterst beslut om förlängning. Antingen upprättas en kompletterande överenskommelse eller en bilaga till den ursprungliga överenskommelsen.";

    public const string Termination =
        "Om någon av parterna inte uppfyller villkoren för överenskommelsen, brister i sina åtaganden eller om det råder väsentligt förändrade omständigheter, ska parterna föra en dialog om huruvida partnerskapet ska fortsätta. Järva stadsdelsnämnd har rätt att kräva sin finansiering åter, helt eller delvis, om den används felaktigt eller inte för avsett ändamål. Eventuellt överskott på verksamheten ska återbetalas om inte annat beslutas av stadsdelsnämnden.\n\n"
        + "Om det uppstår tvist eller oenighet mellan parterna i någon del av överenskommelsen ska denna i första hand lösas i styrgruppen. Tvist mellan parterna med anledning av ingången överenskommelse ska, om den inte gått att lösa enligt det som nämns ovan, avgöras i svensk allmän domstol med Stockholms tingsrätt som första instans. Respektive part äger rätt att när som helst säga upp överenskommelsen med en varseltid om tre månader. En begäran om överenskommelsens upphörande ska vara skriftlig.";

    public const string ForceMajeure =
        "Parterna befrias från sina åtaganden enligt denna överenskommelse om fullgörandet av åtagandena förhindras av omständighet utanför parternas kontroll, som inte hade kunnat förutses vid överenskommelsens tecknande och som parterna inte kunnat undvika eller övervinna. Som sådan omständighet ska anses krig, krigsliknande tillstånd, avtalsenlig arbetskonflikt, eldsvåda eller beslut av regering eller myndighet. Den part som avser åberopa ovan beskriven omständighet ska omedelbart och skriftligen underrätta motparten om detta.";

    public const string Confidentiality =
        "Inom partnerskapet råder sekretess och tystnadsplikt. I det fall medborgaren som tar del av aktiviteterna inom partnerskapet samtycker till att dela personuppgifter kan detta ske. Redovisning av statistik och uppföljning ska inte innefatta personuppgifter.";

    public const string FinalReport =
        "Under 2024 ska en utvärdering av partnerskapets genomföras inför eventuellt beslut om förlängning. Samtliga parter ska delta i genomförandet av en utvärdering av partnerskapet som ska besvara frågor om hur verksamheten har genomförts, hur väl partnerskapets mål har uppnåtts, om båda parter har bidragit i enlighet med överenskommelsen samt om tidsplan och budget har hållits. Utvärderingen ska även innehålla en utvärdering av vad respektive part har lärt sig under partnerskapets gång.\n\n"
        + "Slutrapporten ska anmälas till stadsdelsnämnden.\n\n"
        + "Inför att överenskommelsen löper ut ska parterna bidra i utvärderingen av partnerskapet genom leverans av statistik i enlighet med överenskommelsens upparbetade förväntade resultat. Den idéburna organisationen ansvarar för skriftlig och muntlig slutrapportering till styrgruppen.";

    public const string Signatures =
        "Det är stadsdelsdirektör på delegation av stadsdelsnämnd som undertecknar överenskommelsen för Järva stadsdelsnämnd. För den idéburna föreningen är det verksamhetschef på uppdrag av styrelse. Överenskommelsen undertecknas av båda parter och träder i kraft det datum som är beslutat som start på partnerskapet.";
}
