package se.samla.deviation.web.api.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;
import se.samla.deviation.core.organisation.application.MasterDataImport.CoordinatorRecord;
import se.samla.deviation.core.organisation.application.MasterDataImport.HandlerRecord;
import se.samla.deviation.core.organisation.application.MasterDataImport.ImportFailedException;
import se.samla.deviation.core.organisation.application.MasterDataImport.ImportRecord;
import se.samla.deviation.core.organisation.application.MasterDataImport.LineError;
import se.samla.deviation.core.organisation.application.MasterDataImport.OrganisationRecord;
import se.samla.deviation.core.organisation.application.MasterDataImport.UnitRecord;
import se.samla.deviation.core.organisation.domain.OrganisationKind;

/** The CSV import format: what a file may look like, and which line an error names. */
class ImportParserTest {

  final ImportParser parser = new ImportParser(new ObjectMapper());

  @Test
  void readsEveryKindOfRecordOrganisationsFirstWithTheirLines() {
    List<ImportRecord> records =
        parser.parseCsv(
            """
            type,hsaId,name,kind
            # people first in the file, but imported after their units
            handler,SE1-U01,SE1-H1,Hanna Handläggare,hanna@example.se
            coordinator,SE1-ORG,SE1-C1,Rut Samordnare,

            unit,SE1-U01,Avdelning 1,SE1-ORG,nej
            organisation,SE1-ORG,Region Exempel,region
            """);

    assertThat(records)
        .containsExactly(
            new OrganisationRecord(7, "SE1-ORG", "Region Exempel", OrganisationKind.REGION),
            new UnitRecord(6, "SE1-U01", "Avdelning 1", "SE1-ORG", false),
            new HandlerRecord(3, "SE1-U01", "SE1-H1", "Hanna Handläggare", "hanna@example.se"),
            new CoordinatorRecord(4, "SE1-ORG", "SE1-C1", "Rut Samordnare", null));
  }

  @Test
  void aSemicolonFileMayQuoteCommasSemicolonsQuotesAndLineBreaks() {
    List<ImportRecord> records =
        parser.parseCsv(
            "unit;SE1-U01;\"Hemtjänst, norr; \"\"Björken\"\"\";SE1-ORG\r\n"
                + "unit;SE1-U02;\"Två\nrader\";SE1-ORG;true\r\n"
                + "unit;SE1-U03;Tre;SE1-ORG\r\n");

    assertThat(records)
        .containsExactly(
            new UnitRecord(1, "SE1-U01", "Hemtjänst, norr; \"Björken\"", "SE1-ORG", true),
            new UnitRecord(2, "SE1-U02", "Två\nrader", "SE1-ORG", true),
            new UnitRecord(4, "SE1-U03", "Tre", "SE1-ORG", true));
  }

  @Test
  void aCommaFileMayQuoteSemicolons() {
    assertThat(parser.parseCsv("organisation,SE1-ORG,\"Region; Exempel\",PRIVATE\n"))
        .containsExactly(
            new OrganisationRecord(1, "SE1-ORG", "Region; Exempel", OrganisationKind.PRIVATE));
  }

  @Test
  void aByteOrderMarkIsNotPartOfTheFirstCell() {
    assertThat(parser.parseCsv("\uFEFFtype;hsaId;name;kind\norganisation;SE1-ORG;Region;REGION"))
        .containsExactly(new OrganisationRecord(2, "SE1-ORG", "Region", OrganisationKind.REGION));
    assertThat(parser.parseCsv("\uFEFForganisation,SE1-ORG,Region,REGION"))
        .containsExactly(new OrganisationRecord(1, "SE1-ORG", "Region", OrganisationKind.REGION));
  }

  @Test
  void refusesTheWholeFileNamingEveryWrongLineWhereItsRecordStarts() {
    ImportFailedException failed =
        catchThrowableOfType(
            ImportFailedException.class,
            () ->
                parser.parseCsv(
                    """
                    organisation,SE1-ORG,Region,REGION
                    unit,SE1-U01,"Avdelning
                    ett",SE1-ORG,kanske
                    handler,SE1-U01,SE1-H1
                    organisation,SE2-ORG,Län,COUNTY
                    person,SE1-P1,Per
                    """));

    assertThat(failed.errors())
        .containsExactly(
            new LineError(2, "active", "must be true or false"),
            new LineError(4, "line", "needs at least 4 columns"),
            new LineError(5, "kind", "must be REGION, MUNICIPALITY or PRIVATE"),
            new LineError(6, "type", "must be organisation, unit, handler or coordinator"));
  }

  @Test
  void anUnclosedQuoteRefusesTheFile() {
    ImportFailedException failed =
        catchThrowableOfType(
            ImportFailedException.class,
            () ->
                parser.parseCsv(
                    "organisation,SE1-ORG,Region,REGION\nunit,SE1-U01,\"Avdelning,SE1-ORG\n"));

    assertThat(failed.errors()).hasSize(1);
    assertThat(failed.errors().get(0).field()).isEqualTo("file");
    assertThat(failed.errors().get(0).message()).isEqualTo("is not valid CSV");
  }
}
