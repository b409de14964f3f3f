package se.samla.deviation.core.organisation.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import se.samla.deviation.core.common.application.NotPermittedException;
import se.samla.deviation.core.fixtures.CoreIntegrationTest;
import se.samla.deviation.core.fixtures.Personas;
import se.samla.deviation.core.fixtures.TestCare;
import se.samla.deviation.core.organisation.application.MasterDataImport.HandlerRecord;
import se.samla.deviation.core.organisation.application.MasterDataImport.ImportFailedException;
import se.samla.deviation.core.organisation.application.MasterDataImport.LineError;
import se.samla.deviation.core.organisation.application.MasterDataImport.OrganisationRecord;
import se.samla.deviation.core.organisation.application.MasterDataImport.UnitRecord;
import se.samla.deviation.core.organisation.domain.OrganisationKind;

@CoreIntegrationTest
class MasterDataImportIT {

  @Autowired MasterDataImport imports;
  @Autowired MasterData masterData;

  private boolean exists(String organisationHsaId) {
    return masterData.organisations(TestCare.admin()).stream()
        .anyMatch(o -> o.hsaId().equals(organisationHsaId));
  }

  @Test
  void storesEverythingInOrder() {
    var result =
        imports.run(
            TestCare.admin(),
            List.of(
                new OrganisationRecord(1, "SE9999999021-ORG", "Ny", OrganisationKind.PRIVATE),
                new UnitRecord(2, "SE9999999021-U01", "Enhet", "SE9999999021-ORG", true),
                new HandlerRecord(3, "SE9999999021-U01", "SE9999999021-H01", "Hilda", null)));

    assertThat(result).isEqualTo(new MasterDataImport.ImportResult(1, 1, 1, 0));
    assertThat(exists("SE9999999021-ORG")).isTrue();
  }

  @Test
  void storesNothingWhenOneRecordFailsAndReportsEveryBadLine() {
    assertThatThrownBy(
            () ->
                imports.run(
                    TestCare.admin(),
                    List.of(
                        new OrganisationRecord(
                            1, "SE9999999022-ORG", "Ny", OrganisationKind.REGION),
                        new UnitRecord(2, "bad", "Enhet", "SE9999999022-ORG", true),
                        new HandlerRecord(7, "SE9999999022-U77", "SE9999999022-H01", "H", null))))
        .isInstanceOfSatisfying(
            ImportFailedException.class,
            e ->
                assertThat(e.errors())
                    .extracting(LineError::line, LineError::field)
                    .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(2, "hsaId"),
                        org.assertj.core.groups.Tuple.tuple(7, "unitHsaId")));

    assertThat(exists("SE9999999022-ORG")).isFalse();
  }

  @Test
  void isForAdministratorsOnly() {
    assertThatThrownBy(
            () ->
                imports.run(
                    Personas.wardNurse(),
                    List.of(
                        new OrganisationRecord(
                            1, "SE9999999023-ORG", "X", OrganisationKind.REGION))))
        .isInstanceOf(NotPermittedException.class);
  }
}
