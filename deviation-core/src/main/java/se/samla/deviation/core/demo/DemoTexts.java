package se.samla.deviation.core.demo;

import static se.samla.deviation.core.demo.DemoLandscape.UnitType.ELDERLY_HOUSING;
import static se.samla.deviation.core.demo.DemoLandscape.UnitType.EMERGENCY;
import static se.samla.deviation.core.demo.DemoLandscape.UnitType.HOME_CARE;
import static se.samla.deviation.core.demo.DemoLandscape.UnitType.PRIMARY_CARE;
import static se.samla.deviation.core.demo.DemoLandscape.UnitType.PSYCHIATRY;
import static se.samla.deviation.core.demo.DemoLandscape.UnitType.SHORT_TERM;
import static se.samla.deviation.core.demo.DemoLandscape.UnitType.WARD;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import se.samla.deviation.core.demo.DemoLandscape.UnitType;
import se.samla.deviation.core.deviation.domain.Consequence;

/** Realistic Swedish texts for the demo deviations: what happened, and what the answer said. */
final class DemoTexts {

  private DemoTexts() {}

  /**
   * A kind of deviation: which units report it to which, how it reads and how it is answered.
   *
   * @param consequence the typical consequence; the generator varies it by one step
   * @param aboutPatient whether it concerns one patient (and so may carry a personnummer)
   */
  record Template(
      String categoryCode,
      Set<UnitType> from,
      Set<UnitType> to,
      Consequence consequence,
      boolean aboutPatient,
      String description,
      String immediateActions,
      String agreementReference,
      String investigation,
      String causes,
      String measures) {}

  private static final Set<UnitType> HOSPITAL = EnumSet.of(WARD, EMERGENCY);
  private static final Set<UnitType> MUNICIPAL = EnumSet.of(HOME_CARE, SHORT_TERM, ELDERLY_HOUSING);
  private static final Set<UnitType> HOUSING = EnumSet.of(SHORT_TERM, ELDERLY_HOUSING);

  private static final String DISCHARGE =
      "Överenskommelse om samverkan vid in- och utskrivning i slutenvård";
  private static final String HOME_HEALTH_CARE =
      "Överenskommelse om ansvarsfördelning för hemsjukvård i Västra Götaland";
  private static final String PHYSICIANS =
      "Överenskommelse om läkarmedverkan i kommunal hälso- och sjukvård";
  private static final String SIP =
      "Överenskommelse om samordnad individuell plan (SIP) i Västra Götaland";
  private static final String MEDICATION =
      "Regional medicinsk riktlinje för läkemedelshantering i samverkan";
  private static final String ASSISTIVE = "Överenskommelse om hjälpmedel i Västra Götaland";

  static final List<Template> TEMPLATES =
      List.of(
          new Template(
              "ADMISSION_DISCHARGE",
              EnumSet.of(WARD),
              MUNICIPAL,
              Consequence.MODERATE,
              true,
              "Patienten skrevs ut till hemmet utan aktuell läkemedelslista. Hemsjukvården fick"
                  + " ingen information om att dosen furosemid hade ändrats och att Waran satts ut"
                  + " under vårdtiden.",
              "Ringde avdelningen och fick läkemedelslistan skickad. Sjuksköterska gjorde ett"
                  + " extra hembesök samma kväll.",
              DISCHARGE,
              "Vi har gått igenom utskrivningen med berörd personal. Läkemedelslistan var inte"
                  + " signerad av läkare när patienten lämnade avdelningen och skickades därför"
                  + " inte med.",
              "Utskrivningen skedde sent en fredag när ordinarie läkare hade gått hem;"
                  + " kontrollpunkten för läkemedelslista i utskrivningsrutinen hoppades över.",
              "Checklistan vid utskrivning har kompletterats så att signerad läkemedelslista"
                  + " kontrolleras innan patienten lämnar avdelningen. Händelsen har tagits upp på"
                  + " arbetsplatsträff."),
          new Template(
              "ADMISSION_DISCHARGE",
              EnumSet.of(WARD),
              EnumSet.of(HOME_CARE, SHORT_TERM),
              Consequence.MODERATE,
              true,
              "Meddelande om utskrivningsklar patient kom samma dag som patienten kom hem. Ingen"
                  + " samordnad planering hölls trots att patienten hade nya behov av insatser"
                  + " och hjälpmedel.",
              "Biståndshandläggare och hemsjukvård gjorde akut bedömning i hemmet; tillfälligt"
                  + " korttidsboende ordnades.",
              DISCHARGE,
              "Genomgång av journal och SAMSA visar att inskrivningsmeddelandet skickades men"
                  + " att utskrivningsklar markerades först på utskrivningsdagen.",
              "Hög beläggning och många utlokaliserade patienter; ansvaret för planeringen var"
                  + " otydligt mellan avdelningarna.",
              "Avdelningen har infört daglig genomgång av planerade utskrivningar i SAMSA och en"
                  + " namngiven planeringssjuksköterska varje pass."),
          new Template(
              "INFORMATION_TRANSFER",
              EnumSet.of(WARD),
              HOUSING,
              Consequence.MODERATE,
              true,
              "Omvårdnadsepikris saknades när patienten kom till boendet. Personalen kände inte"
                  + " till patientens trycksår på korsryggen och hur förbandsbyten skulle göras.",
              "Sjuksköterska bedömde såret och kontaktade avdelningen för ordination.",
              DISCHARGE,
              "Omvårdnadsepikrisen var påbörjad men aldrig färdigställd och skickad i SAMSA.",
              "Epikrisen skrevs av en sjuksköterska som gick av sitt pass innan den var klar;"
                  + " överlämningen mellan passen omfattade inte epikriser.",
              "Ofärdiga epikriser ingår nu i överrapporteringen mellan passen och kontrolleras"
                  + " av ansvarig sjuksköterska vid utskrivning."),
          new Template(
              "MEDICATION",
              EnumSet.of(WARD),
              EnumSet.of(HOME_CARE, SHORT_TERM),
              Consequence.SIGNIFICANT,
              true,
              "Patienten skrevs ut en fredag med nyinsatt insulin men utan recept och med"
                  + " läkemedel för endast ett dygn. Läkemedlet kunde inte hämtas ut förrän på"
                  + " måndagen.",
              "Jourhavande läkare kontaktades och utfärdade recept; anhörig hämtade ut på"
                  + " jourapotek.",
              MEDICATION,
              "Receptet hade förberetts men inte signerats. Ingen kontroll gjordes av att"
                  + " läkemedel fanns för helgen.",
              "Otydlig rutin för vem som ansvarar för att recept är utfärdade vid utskrivning"
                  + " inför helg.",
              "Rutinen har förtydligats: utskrivande läkare signerar recept innan"
                  + " utskrivningssamtalet och sjuksköterskan kontrollerar att läkemedel räcker"
                  + " till nästa vardag."),
          new Template(
              "MEDICATION",
              EnumSet.of(WARD),
              EnumSet.of(HOME_CARE, ELDERLY_HOUSING),
              Consequence.SIGNIFICANT,
              true,
              "Patienten fick med sig läkemedelsförpackningar från avdelningen samtidigt som en"
                  + " ny dosrulle började gälla. Patienten tog dubbel dos paracetamol och"
                  + " metoprolol under två dagar.",
              "Dubbletterna togs om hand, läkare på vårdcentralen kontaktades för bedömning."
                  + " Patienten mådde efter omständigheterna bra.",
              MEDICATION,
              "Avdelningen beställde ny dosrulle och skickade samtidigt med läkemedel enligt en"
                  + " äldre rutin.",
              "Två rutiner gällde parallellt efter byte av dosleverantör; personalen var inte"
                  + " informerad om vilken som gällde.",
              "Den gamla rutinen är borttagen och informationen har gått ut till all personal."
                  + " Uppföljning görs på nästa samverkansmöte."),
          new Template(
              "ASSISTIVE_DEVICES",
              EnumSet.of(WARD),
              EnumSet.of(HOME_CARE, SHORT_TERM),
              Consequence.MINOR,
              true,
              "Patienten skrevs ut till hemmet trots att förskriven rullstol och"
                  + " toalettförhöjning inte var levererade. Hemsjukvården fick låna hjälpmedel"
                  + " från korttidsboendet.",
              "Hjälpmedel lånades ut tillfälligt; arbetsterapeut gjorde hembesök dagen efter.",
              ASSISTIVE,
              "Förskrivningen gjordes dagen före utskrivning och beställningen hann inte"
                  + " levereras.",
              "Förskrivning av hjälpmedel ingick inte i planeringen i tid.",
              "Arbetsterapeuten deltar nu i planeringen tidigare och utskrivning sker inte förrän"
                  + " nödvändiga hjälpmedel är på plats eller ersättning är ordnad."),
          new Template(
              "ASSISTIVE_DEVICES",
              MUNICIPAL,
              EnumSet.of(WARD),
              Consequence.SIGNIFICANT,
              true,
              "Förskriven syrgaskoncentrator var inte levererad när patienten kom hem från"
                  + " sjukhuset. Patienten skrevs ut med en syrgastub som räckte i fyra timmar.",
              "Sjuksköterska ordnade akut leverans via jourhavande leverantör; ambulans stod i"
                  + " beredskap.",
              ASSISTIVE,
              "Beställningen av syrgaskoncentrator gjordes men leveransdag stämdes aldrig av med"
                  + " hemsjukvården.",
              "Ingen kontroll av leverans före utskrivning; leverantören levererar inte helgdagar.",
              "Syrgaspatienter skrivs inte ut innan leverans är bekräftad. Checklistan för"
                  + " utskrivning har kompletterats."),
          new Template(
              "REFERRAL_CONTACT",
              MUNICIPAL,
              EnumSet.of(PRIMARY_CARE),
              Consequence.MODERATE,
              true,
              "Remiss för bedömning av bensår skickades till vårdcentralen för tre veckor sedan"
                  + " men har aldrig kommit fram. Vårdcentralen har ingen registrering av remissen.",
              "Ny remiss skickades och vårdcentralen kontaktades per telefon.",
              HOME_HEALTH_CARE,
              "Remissen skickades till en funktionsbrevlåda som inte längre bevakas.",
              "Vårdcentralen bytte mottagningsadress för remisser utan att meddela kommunen.",
              "Aktuella kontaktvägar är uppdaterade i den gemensamma kontaktlistan och den gamla"
                  + " brevlådan har fått ett automatiskt svar."),
          new Template(
              "REFERRAL_CONTACT",
              EnumSet.of(WARD, EMERGENCY),
              EnumSet.of(HOME_CARE),
              Consequence.MINOR,
              true,
              "Remiss om hemrehabilitering efter höftfraktur skickades till kommunens"
                  + " rehabilitering, men ingen kontakt togs med patienten inom överenskommen tid.",
              "Patienten ringde själv avdelningen; vi påminde kommunen per telefon.",
              HOME_HEALTH_CARE,
              "Remissen kom in under semesterperioden och fördelades inte.",
              "Bemanningen vid remissmottagningen var för låg under sommaren.",
              "Ersättare för fördelning av remisser utses nu alltid under semestrar."),
          new Template(
              "REFERRAL_CONTACT",
              EnumSet.of(PRIMARY_CARE),
              EnumSet.of(EMERGENCY),
              Consequence.MODERATE,
              true,
              "Akutmottagningen skickade hem patienten med uppmaning att kontakta vårdcentralen"
                  + " inom ett dygn, men ingen information om besöket skickades till"
                  + " vårdcentralen.",
              "Vårdcentralen hämtade journalen via sammanhållen journalföring och kallade"
                  + " patienten.",
              HOME_HEALTH_CARE,
              "Ansvarig läkare antog att uppföljningen förmedlades automatiskt.",
              "Saknas rutin för aktiv överlämning till primärvård när uppföljning krävs inom kort"
                  + " tid.",
              "Akutmottagningen ringer eller skickar meddelande till vårdcentralen när uppföljning"
                  + " krävs inom tre dagar."),
          new Template(
              "SIP",
              MUNICIPAL,
              EnumSet.of(PSYCHIATRY),
              Consequence.MODERATE,
              true,
              "Vuxenpsykiatrin har inte kallat till SIP-möte trots att kommunen anmälde behov för"
                  + " sex veckor sedan. Brukaren har under tiden vårdats inneliggande två gånger.",
              "Ny begäran om SIP skickades och MAS informerades.",
              SIP,
              "Begäran om SIP registrerades men fördelades inte till någon samordnare.",
              "Personalomsättning i teamet; begäran låg kvar i en avslutad medarbetares inkorg.",
              "SIP-begäranden registreras nu i en gemensam lista som följs upp veckovis av"
                  + " teamledaren."),
          new Template(
              "SIP",
              EnumSet.of(PSYCHIATRY),
              MUNICIPAL,
              Consequence.MINOR,
              true,
              "Kommunen deltog inte i SIP-mötet som vuxenpsykiatrin kallat till trots bekräftad"
                  + " kallelse. Mötet fick ställas in och brukaren blev mycket orolig.",
              "Nytt möte bokades och kommunens enhetschef kontaktades.",
              SIP,
              "Kallelsen bekräftades av en handläggare som sedan blev sjuk; ingen ersättare"
                  + " meddelades.",
              "Bokade SIP-möten syntes bara i den enskilda handläggarens kalender.",
              "SIP-möten bokas nu i en gemensam kalender för enheten."),
          new Template(
              "SAMPLING",
              MUNICIPAL,
              EnumSet.of(PRIMARY_CARE),
              Consequence.SIGNIFICANT,
              true,
              "Hemsjukvården tog blodprover på ordination av vårdcentralen. Provsvaren återkopplades"
                  + " aldrig och ingen åtgärd vidtogs trots kraftigt förhöjt kalium.",
              "Sjuksköterska kontaktade vårdcentralen som gjorde bedömning samma dag; patienten"
                  + " remitterades till akuten.",
              HOME_HEALTH_CARE,
              "Provsvaret kom in till en läkare som var ledig och vidimerades inte av ersättare.",
              "Bevakning av provsvar vid frånvaro saknades.",
              "Vårdcentralen har infört bevakning av provsvar med ersättare vid frånvaro och"
                  + " återkopplar avvikande svar till hemsjukvården samma dag."),
          new Template(
              "SAMPLING",
              EnumSet.of(PRIMARY_CARE),
              EnumSet.of(HOME_CARE),
              Consequence.MODERATE,
              true,
              "Ordinerat PK(INR)-prov i hemmet togs inte på utsatt dag. Waran-doseringen kunde inte"
                  + " justeras och patienten fick fortsätta på gammal dos i en vecka.",
              "Nytt prov bokades och patienten informerades.",
              HOME_HEALTH_CARE,
              "Provtagningen fanns inte med i körlistan för dagen.",
              "Ordinationen fördes inte över från journalen till planeringsverktyget.",
              "Rutinen för att föra över ordinationer till körlistan har förtydligats och"
                  + " kontrolleras av ansvarig sjuksköterska."),
          new Template(
              "PHYSICIAN_PARTICIPATION",
              EnumSet.of(HOME_CARE, ELDERLY_HOUSING),
              EnumSet.of(PRIMARY_CARE),
              Consequence.SIGNIFICANT,
              true,
              "Ingen läkare på vårdcentralen kunde nås under dagtid för ordination när en"
                  + " inskriven patient i hemsjukvården försämrades. Patienten fick åka ambulans"
                  + " till akuten.",
              "Ambulans tillkallades; anhöriga informerades.",
              PHYSICIANS,
              "Det direktnummer som hemsjukvården ska använda kopplades till telefonkön under"
                  + " lunchtid.",
              "Tekniskt fel efter byte av telefonisystem.",
              "Direktnumret är åtgärdat och testas varje månad. Kontaktvägar är utskickade igen."),
          new Template(
              "PHYSICIAN_PARTICIPATION",
              HOUSING,
              EnumSet.of(PRIMARY_CARE),
              Consequence.MINOR,
              true,
              "Planerat läkarbesök på boendet enligt överenskommelsen om läkarmedverkan ställdes"
                  + " in utan att boendet informerades. Tre patienter väntade på bedömning.",
              "Sjuksköterskan ringde vårdcentralen och fick ny tid veckan efter.",
              PHYSICIANS,
              "Läkaren var sjuk och schemat uppdaterades utan att boendet kontaktades.",
              "Ingen ansvarig för att meddela boendena vid inställda besök.",
              "Vårdcentralens samordnare meddelar nu boendet samma dag och erbjuder ersättningstid"
                  + " inom en vecka."),
          new Template(
              "PHYSICIAN_PARTICIPATION",
              EnumSet.of(PRIMARY_CARE),
              EnumSet.of(HOME_CARE),
              Consequence.MINOR,
              true,
              "Patient inskriven i hemsjukvården hänvisades till vårdcentralen för såromläggning"
                  + " trots att ansvaret ligger hos kommunen enligt överenskommelsen.",
              "Vårdcentralen lade om såret och kontaktade hemsjukvården.",
              HOME_HEALTH_CARE,
              "Inskrivningen i hemsjukvården var inte känd för den sjuksköterska som tog emot"
                  + " samtalet.",
              "Otydlig dokumentation av inskrivning i hemsjukvård.",
              "Inskrivning markeras nu tydligt i planeringen och personalen har fått information"
                  + " om ansvarsfördelningen."),
          new Template(
              "NURSING",
              EnumSet.of(EMERGENCY),
              HOUSING,
              Consequence.SIGNIFICANT,
              true,
              "Patienten kom till akutmottagningen från boendet med uttalad uttorkning. Enligt"
                  + " anhöriga hade vätskelista inte förts trots ordination.",
              "Patienten fick vätska intravenöst och lades in på medicinavdelning.",
              HOME_HEALTH_CARE,
              "Vätskelistan fanns ordinerad men fördes inte under helgen.",
              "Hög andel vikarier utan introduktion i rutinen för vätskelista.",
              "Introduktionen för vikarier omfattar nu vätske- och nutritionsrutiner. MAS följer"
                  + " upp efterlevnaden."),
          new Template(
              "NURSING",
              HOUSING,
              EnumSet.of(WARD),
              Consequence.MODERATE,
              true,
              "Patienten kom tillbaka till boendet efter vårdtid på sjukhuset med ett trycksår"
                  + " kategori 3 på hälen som inte fanns beskrivet i epikrisen.",
              "Sjuksköterska dokumenterade såret och ordnade tryckavlastande madrass.",
              DISCHARGE,
              "Riskbedömning för trycksår gjordes vid inskrivning men följdes inte upp under"
                  + " vårdtiden.",
              "Hög arbetsbelastning; förebyggande åtgärder prioriterades ned.",
              "Riskbedömning görs nu varje vecka och vid utskrivning; trycksår ingår i"
                  + " omvårdnadsepikrisen."),
          new Template(
              "INFORMATION_TRANSFER",
              EnumSet.of(EMERGENCY),
              HOUSING,
              Consequence.MINOR,
              true,
              "Patienten skickades från boendet till akutmottagningen utan överrapportering och"
                  + " utan aktuell läkemedelslista. Akuten fick ringa flera gånger för att få"
                  + " information.",
              "Informationen inhämtades via telefon till boendets sjuksköterska.",
              HOME_HEALTH_CARE,
              "Ambulansen beställdes av undersköterska på natten utan att sjuksköterska"
                  + " kontaktades.",
              "Nattpersonalen kände inte till rutinen för överrapportering vid akut förflyttning.",
              "En mall för överrapportering följer nu med patienten och nattpersonalen har fått"
                  + " utbildning."),
          new Template(
              "INFORMATION_TRANSFER",
              EnumSet.of(HOME_CARE),
              EnumSet.of(WARD, EMERGENCY),
              Consequence.MINOR,
              true,
              "Hemsjukvården fick ingen information om att patienten lagts in på sjukhus."
                  + " Sjuksköterska åkte på planerat besök till ett tomt hem och larmade anhöriga.",
              "Anhöriga kontaktades och inskrivningen bekräftades.",
              DISCHARGE,
              "Inskrivningsmeddelande skickades inte eftersom patienten först vårdades på"
                  + " akutvårdsavdelning.",
              "Rutinen för inskrivningsmeddelande gällde bara vid direktinläggning på"
                  + " vårdavdelning.",
              "Inskrivningsmeddelande skickas nu inom ett dygn oavsett vårdform."),
          new Template(
              "INFORMATION_TRANSFER",
              EnumSet.of(EMERGENCY, WARD),
              EnumSet.of(PRIMARY_CARE),
              Consequence.MODERATE,
              true,
              "Patienten skickades från vårdcentralen till akutmottagningen utan remiss och utan"
                  + " aktuell läkemedelslista. Frågeställningen var oklar och patienten kunde inte"
                  + " själv redogöra för sina besvär.",
              "Akutläkaren ringde vårdcentralen och fick frågeställningen muntligt.",
              HOME_HEALTH_CARE,
              "Patienten hänvisades per telefon av en sjuksköterska som inte skrev någon remiss.",
              "Rutinen för akuta remisser var inte känd av nyanställd personal.",
              "Vårdcentralen skickar nu alltid en elektronisk remiss med läkemedelslista vid"
                  + " hänvisning till akuten och rutinen ingår i introduktionen."),
          new Template(
              "MEDICATION",
              EnumSet.of(HOME_CARE),
              EnumSet.of(PRIMARY_CARE),
              Consequence.MODERATE,
              true,
              "Vårdcentralen ändrade dosen av Eliquis per telefon direkt med patienten utan att"
                  + " meddela hemsjukvården, som administrerar läkemedlen via dosett.",
              "Dosetten ändrades efter kontakt med ordinerande läkare.",
              MEDICATION,
              "Läkaren kände inte till att patienten hade hjälp med läkemedelshanteringen.",
              "Läkemedelsansvaret framgick inte av journalen.",
              "Vårdcentralen markerar nu patienter med kommunal läkemedelshantering i journalen"
                  + " och meddelar alltid hemsjukvården vid ändring."),
          new Template(
              "TRANSPORT",
              EnumSet.of(HOME_CARE),
              EnumSet.of(EMERGENCY, WARD),
              Consequence.MODERATE,
              true,
              "Patienten skickades hem med sjuktransport kl. 22.30 utan att hemsjukvården var"
                  + " informerad. Patienten var ensam i hemmet utan trygghetslarm under natten.",
              "Nattpatrullen gjorde besök när anhöriga larmade på morgonen.",
              DISCHARGE,
              "Beslut om hemgång togs sent på kvällen av läkare under hög belastning.",
              "Ingen kontroll av att mottagande verksamhet var informerad före hemgång.",
              "Hemgång efter kl. 20 kräver nu att kommunens nattsjuksköterska kontaktats."),
          new Template(
              "TRANSPORT",
              HOUSING,
              EnumSet.of(WARD),
              Consequence.MINOR,
              true,
              "Beställd återresa efter undersökning på sjukhuset uteblev. Patienten från boendet"
                  + " väntade fyra timmar i väntrummet utan mat och utan sina kvällsläkemedel.",
              "Boendet hämtade patienten med taxi.",
              HOME_HEALTH_CARE,
              "Återresan beställdes till fel adress.",
              "Adressen hämtades från en gammal uppgift i journalen.",
              "Adress kontrolleras nu mot patienten eller boendet vid beställning av resa."),
          new Template(
              "OTHER",
              EnumSet.of(WARD),
              MUNICIPAL,
              Consequence.NONE,
              false,
              "Kontaktuppgifterna till kommunens sjuksköterska var inaktuella. Avdelningen kunde"
                  + " inte nå ansvarig sjuksköterska inför utskrivning under en hel dag.",
              "Avdelningen ringde kommunens växel.",
              HOME_HEALTH_CARE,
              "Telefonnumret i kontaktlistan hade inte uppdaterats efter en omorganisation.",
              "Ingen ansvarig för att hålla kontaktlistan aktuell.",
              "Enhetschefen ansvarar nu för kontaktlistan och den granskas varje kvartal."),
          new Template(
              "OTHER",
              MUNICIPAL,
              EnumSet.of(PSYCHIATRY),
              Consequence.MODERATE,
              true,
              "Vuxenpsykiatrin avslutade sin kontakt med brukaren utan att informera kommunen,"
                  + " trots att det stod i den gemensamma planen att kommunen skulle meddelas.",
              "Kommunen kontaktade brukaren och bokade ett uppföljande möte.",
              SIP,
              "Avslutet gjordes av en läkare som inte kände till den gemensamma planen.",
              "Den samordnade planen var inte synlig i journalen.",
              "Gemensamma planer markeras nu i journalen och avslut stäms alltid av med"
                  + " kommunen."));

  /** A generic text for a category that has no template (a category added later). */
  static Template generic(String categoryCode, String label, boolean fromRegion) {
    return new Template(
        categoryCode,
        fromRegion ? HOSPITAL : MUNICIPAL,
        fromRegion ? MUNICIPAL : HOSPITAL,
        Consequence.MINOR,
        false,
        "Överenskommen rutin inom området "
            + label.toLowerCase(java.util.Locale.ROOT)
            + " följdes inte i samband med en överflyttning mellan verksamheterna.",
        "Kontakt togs med den andra verksamheten per telefon.",
        HOME_HEALTH_CARE,
        "Händelsen har gåtts igenom med berörd personal.",
        "Rutinen var inte känd av all personal.",
        "Rutinen har gåtts igenom på arbetsplatsträff.");
  }

  static final List<String> INFORMATION_QUESTIONS =
      List.of(
          "Vilket datum och vilken tid skedde händelsen, och vem tog emot överrapporteringen?",
          "Finns det ett meddelande i SAMSA som vi kan söka på?",
          "Kan du beskriva vilken information som saknades?",
          "Vilken tid på dygnet försökte ni nå oss, och via vilket nummer?",
          "Vilken sjuksköterska hade ansvaret för patienten hos er vid tillfället?");

  static final List<String> INFORMATION_ANSWERS =
      List.of(
          "Det gällde eftermiddagen; överrapportering gjordes per telefon till en"
              + " undersköterska.",
          "Ja, meddelandet finns i SAMSA under vårdtillfället den aktuella veckan.",
          "Läkemedelslista och uppgift om nya ordinationer saknades.",
          "Vi ringde flera gånger mellan kl. 12 och 13 via direktnumret.",
          "Ansvarig sjuksköterska var den som var i tjänst på dagpasset; namn finns i vår"
              + " dokumentation.");

  static final List<String> RETURN_REASONS =
      List.of(
          "Händelsen gäller inte vår verksamhet; patienten var inte inskriven hos oss vid"
              + " tillfället.",
          "Detta är en intern avvikelse och inte en avvikelse i samverkan. Registrera den i er"
              + " egen verksamhets avvikelsehantering.",
          "Beskrivningen räcker inte för att utreda. Ange datum, enhet och vilken rutin som inte"
              + " följdes.");

  static final List<String> RESUBMIT_COMMENTS =
      List.of(
          "Skickar till rätt enhet enligt handläggarens besked.",
          "Kompletterat med datum, tidpunkt och berörd enhet.");

  static final List<String> WITHDRAW_REASONS =
      List.of(
          "Registrerades av misstag.",
          "Dubbelregistrering; samma händelse finns redan rapporterad.",
          "Löstes direkt i dialog med enheten, ingen utredning behövs.");

  static final List<String> FORWARD_REASONS =
      List.of(
          "Patienten vistades på en annan av våra enheter vid tillfället; skickas vidare dit.",
          "Ansvaret ligger hos en annan enhet i vår organisation.");

  static final List<String> DISPUTE_REASONS =
      List.of(
          "Svaret beskriver inte vilka åtgärder som görs för att det inte ska hända igen.",
          "Vi delar inte bilden av händelseförloppet och önskar en ny genomgång.");

  static final List<String> INTERNAL_COMMENTS =
      List.of(
          "Har pratat med berörd sjuksköterska; händelsen tas upp på nästa arbetsplatsträff.",
          "Väntar på journalgenomgång från ansvarig läkare.",
          "Liknande händelse för två veckor sedan, se tidigare ärende.");

  static final List<String> SHARED_COMMENTS =
      List.of(
          "Tack för rapporten, vi har påbörjat utredningen.",
          "Vi återkommer med svar efter nästa samverkansmöte.");

  static final String REANSWER_PREFIX = "Kompletterande svar efter invändning: ";
}
