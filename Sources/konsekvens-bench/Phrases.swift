/// The template pools the invented minutes are drawn from. Every amount format, period and
/// non-money number the reader and extraction must tell apart appears somewhere below.
enum Phrases {
    /// A political or administrative body: its name, genitive (for decision headings) and slug.
    struct Body {
        var name: String
        var genitive: String
        var slug: String
    }

    static let months = [
        "januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober",
        "november", "december",
    ]

    static let weekdays = ["mandag", "tirsdag", "onsdag", "torsdag", "fredag"]

    static let municipalities = [
        "Greve", "Køge", "Roskilde", "Lejre", "Holbæk", "Kalundborg", "Sorø", "Odsherred", "Faxe", "Stevns",
        "Ringsted", "Slagelse", "Solrød", "Næstved",
    ]

    static let bodies = [
        Body(name: "Økonomiudvalget", genitive: "Økonomiudvalgets", slug: "oekonomiudvalget"),
        Body(name: "Byrådet", genitive: "Byrådets", slug: "byraadet"),
        Body(name: "Kommunalbestyrelsen", genitive: "Kommunalbestyrelsens", slug: "kommunalbestyrelsen"),
        Body(name: "Direktionen", genitive: "Direktionens", slug: "direktionen"),
        Body(name: "Børne- og Ungeudvalget", genitive: "Børne- og Ungeudvalgets", slug: "boerne-og-ungeudvalget"),
        Body(
            name: "Klima-, Teknik- og Miljøudvalget", genitive: "Klima-, Teknik- og Miljøudvalgets",
            slug: "klima-teknik-og-miljoeudvalget"),
        Body(name: "Social- og Sundhedsudvalget", genitive: "Social- og Sundhedsudvalgets", slug: "social-og-sundhedsudvalget"),
        Body(name: "Kultur- og Fritidsudvalget", genitive: "Kultur- og Fritidsudvalgets", slug: "kultur-og-fritidsudvalget"),
    ]

    static let places = [
        "Hyllinge", "Tølløse", "Dianalund", "Asnæs", "Vig", "Borup", "Karlslunde", "Tune", "Havdrup", "Svebølle",
        "Jyderup", "Ruds Vedby", "Gørlev", "Høng", "Viby", "Gundsømagle", "Ølsemagle", "Hårlev",
    ]

    static let firstNames = [
        "Karen", "Søren", "Mette", "Jens", "Aisha", "Morten", "Signe", "Claus", "Lene", "Bjørn", "Åse", "Ole",
        "Hanne", "Rasmus", "Birgitte", "Jørgen", "Trine", "Mads",
    ]

    static let lastNames = [
        "Hansen", "Sørensen", "Vestergaard", "Kjeldgaard", "Holm", "Bøgh", "Rønne", "Dahl", "Lysgaard", "Østergård",
        "Krogh", "Bech", "Møller", "Thomsen",
    ]

    static let parties = ["A", "V", "C", "F", "Ø", "O", "B", "I", "Æ"]

    /// Item titles; "{P}" is a place, "{Y}" a year.
    static let titles = [
        "Tillægsbevilling til vintertjeneste {Y}",
        "Anlægsbevilling til renovering af {P} Skole",
        "Ny daginstitution i {P} – anlægsbevilling og driftsbudget",
        "Energirenovering af {P} Svømmehal",
        "Tilskud til {P} Musikfestival {Y}",
        "Budgetopfølgning pr. 31. marts {Y}",
        "Klimatilpasning i {P} – medfinansieringsaftale",
        "Salg af byggegrund i {P}",
        "Takster for ældreområdet {Y}",
        "Specialundervisning – merudgifter {Y}",
        "Informationssikkerhed (NIS2) {Y}–{Y3}",
        "Frigivelse af rådighedsbeløb til cykelsti ved {P}",
        "Omplacering mellem udvalgenes rammer {Y}",
        "Udvidelse af plejecentret i {P}",
        "Godkendelse af regnskab {Y0} for {P} Idrætscenter",
        "Ansøgning om deponeringsfritagelse – {P} Hallen",
        "Lånoptagelse til byggemodning i {P}",
        "Fælleskommunalt indkøb af hjælpemidler",
        "Regional medfinansiering af sundhedsindsatser {Y}",
        "Overførsel af uforbrugte midler fra {Y0} til {Y}",
        "Kvalitetsrapport for skoleåret {Y0}/{Y}",
        "Forlængelse af aftale om flextrafik",
    ]

    static let closedTitles = [
        "Køb af ejendom på Stationsvej i {P}",
        "Orientering om personalesag",
        "Udbud af rengøring – tildeling",
        "Drøftelse af lønforhandling for skoleledere",
        "Salg af grund i erhvervsområdet ved {P}",
    ]

    static let pools = [
        "klimatilpasning", "velfærdsteknologi", "byfornyelse", "bygningsvedligehold", "grøn omstilling",
        "udvikling af landdistrikterne",
    ]

    static let funds = ["A.P. Møller Fonden", "Lokale og Anlægsfonden", "Nordea-fonden", "Realdania", "Friluftsrådet"]

    static let areas = [
        "Skole og Dagtilbud", "Ældre og Sundhed", "Veje og Grønne Områder", "Kultur og Fritid", "Administration",
        "Ejendomme", "Beskæftigelse",
    ]

    static let decisions = [
        "Godkendt.", "Anbefales.", "Taget til efterretning.", "Indstillingen blev godkendt.", "Udsat.",
        "Godkendt med {N} stemmer for og 1 imod ({PARTY}).", "Anbefales over for Byrådet.",
        "Godkendt med den bemærkning, at der afholdes et borgermøde i {P}, inden arbejdet går i gang.",
    ]

    /// Sentences with amounts; "{A}" and "{B}" are amounts, "{T}" a period phrase.
    static let moneySentences = [
        "Der søges om en tillægsbevilling på {A} {T}, finansieret af kassebeholdningen.",
        "Udgiften på {A} {T} afholdes inden for udvalgets ramme.",
        "Projektet koster i alt {A}, hvoraf {B} afholdes af {FUND}.",
        "Der forventes en besparelse på {A} {T}.",
        "Merudgiften udgør {A} {T} og finansieres af puljen til {POOL}.",
        "Der gives en anlægsbevilling på {A}, og rådighedsbeløbet på {B} i {Y} frigives.",
        "{K} Kommunes andel udgør {A} efter befolkningstal.",
        "Tilskuddet fra {FUND} udgør {A}.",
        "Merindtægten på {A} {T} tilføres kassebeholdningen.",
        "Der er tale om et engangsbeløb på {A} i {Y}.",
        "Omplaceringen på {A} fra {AREA} til {AREA2} er udgiftsneutral for kommunen som helhed.",
        "Prisen er {RATE}, og der er behov for ca. {N}0 m².",
        "Budgettet udgør {A} i {Y}, og det forventede forbrug er {B}.",
        "Finansieringen af de resterende {A} undersøges og forelægges i forbindelse med budget {Y1}.",
        "Region Sjælland medfinansierer {A} {T}.",
        "De øvrige kommuner i samarbejdet betaler tilsammen {A} efter en fordelingsnøgle.",
        "Den gennemsnitlige udgift pr. plads er {A} årligt, mens en plads i egne tilbud koster ca. {B} årligt.",
        "Staten kompenserer kommunen med {A} {T} via DUT-midlerne.",
        "Mindreudgiften på {A} i {Y} overføres til {Y1}.",
        "Der afsættes et rådighedsbeløb på {A} i {Y} og {B} i {Y1}.",
        "Lejeindtægten forventes at blive {A} om måneden.",
        "Salgsprisen er fastsat til {A} ekskl. moms.",
        "Der er samlet afsat {A} i perioden {Y}-{Y3}.",
        "Hvis indsatsen ikke gennemføres, vil merforbruget være {A}.",
    ]

    /// Sentences without money but with the numbers that must never become amounts.
    static let plainSentences = [
        "Sagen blev drøftet på mødet den {D}, hvor forvaltningen fremlagde en status.",
        "Antallet af borgere i målgruppen er steget med {PCT} siden {Y0}.",
        "Der er i dag {N} pladser fordelt på {N2} afdelinger.",
        "Henvendelser kan ske til sekretariatet mellem kl. {CLOCK} og kl. 15:30.",
        "Sagen behandles efter § {N2}, stk. 4, i lov om social service.",
        "Der henvises til den tidligere sag {CASE} om samme emne.",
        "Høringsfristen er den {D}.",
        "Arbejdet forventes udført fra {MONTH} {Y} til {MONTH2} {Y1}.",
        "Forvaltningen vurderer, at indsatsen vil kunne reducere ventetiden med op til {PCT}.",
        "Der har været afholdt {N2} dialogmøder med brugere, pårørende og medarbejdere.",
        "Kommunen er inddelt i 14 klynger, og hver klynge har sin egen ledelse.",
        "Tidsplanen blev senest revideret den 24.10.{Y0short}, og den holder fortsat.",
        "Pr. 1. {MONTH} {Y} går {N} elever i et specialtilbud mod {N2} elever på samme tidspunkt sidste år.",
        "Forvaltningen har gennemført en analyse, som viser, at {N2} af de {N} kontroller er opfyldt.",
        "Der er tale om en udvidelse på {PCT} i forhold til den nuværende kapacitet.",
        "Udvalget besluttede på mødet den {D} at sende forslaget i høring.",
        "Projektet er beskrevet i KLE-nummer 00.01.00 og journaliseret under {CASE}.",
        "Sagen har været behandlet i MED-udvalget, som ikke havde bemærkninger.",
        "Erfaringer fra andre kommuner viser, at en sådan indsats kan gøre en mærkbar forskel for de berørte borgere.",
        "Forvaltningen anbefaler, at arbejdet tilrettelægges i tæt dialog med de lokale foreninger og brugerråd.",
        "Administrationen vil følge udviklingen tæt og orientere udvalget, hvis forudsætningerne ændrer sig væsentligt.",
        "Borgerne i området er blevet orienteret ved et informationsmøde og via kommunens hjemmeside.",
        "Det er vurderingen, at projektet understøtter kommunens vision og de politiske målsætninger på området.",
        "Der er indhentet tilbud fra tre leverandører, og det økonomisk mest fordelagtige tilbud er valgt.",
        "Medarbejderne har været inddraget i processen gennem arbejdsgrupper og temadage.",
        "Indsatsen evalueres efter to år, og resultaterne forelægges udvalget.",
        "Der er ikke konsekvenser for det øvrige serviceniveau på området.",
        "Anlægsarbejdet koordineres med forsyningens ledningsarbejde for at undgå gener for trafikken.",
        "Lokaludvalget i {P} har afgivet et positivt høringssvar.",
        "Ordningen gælder for alle borgere over {N2} år med bopæl i kommunen.",
    ]

    /// What a "{T}" becomes: the phrases that set an amount's years and recurrence.
    static let periods = [
        "årligt i {Y}-{Y3}", "fra {Y1}", "som engangsbeløb i {Y}", "i {Y}", "årligt fra {Y1}",
        "i perioden {Y}-{Y2}", "pr. måned", "i alt over perioden {Y}-{Y3}", "i {Y} og {Y1}", "årligt",
        "kvartalsvis", "som et engangsbeløb",
    ]

    /// Amounts in words, as minutes write them.
    static let numberWords = [
        "halvanden million kr.", "to millioner kroner", "en halv million kr.", "tre hundrede tusinde kr.",
        "to tusinde og femogtyve kr.", "femten tusinde kroner", "en million kr.", "tres øre",
        "fire hundrede og halvtreds tusinde kr.", "to og en halv million kr.",
    ]

    static let recommenders = [
        "Administrationen indstiller", "Direktøren for Teknik og Miljø indstiller", "Kommunaldirektøren indstiller",
        "Forvaltningen indstiller", "Direktionen indstiller",
    ]

    static let lawLines = [
        "Lov om kommunernes styrelse § 40, stk. 2.", "Lov om social service §§ 83 og 86.",
        "Lov om offentlige veje og lov om vandløb.", "Dagtilbudsloven § 4.", "Folkeskoleloven § 20, stk. 2.",
    ]

    static let attachments = [
        "Bilag 1: Projektbeskrivelse", "Bilag 2: Tidsplan", "Bilag 3: Økonomioversigt", "Bilag 4: Høringssvar",
        "Bilag 5: Kortbilag",
    ]
}
