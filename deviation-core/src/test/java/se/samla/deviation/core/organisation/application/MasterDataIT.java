package se.samla.deviation.core.organisation.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import se.samla.deviation.core.access.domain.Actor;
import se.samla.deviation.core.access.domain.PersonRef;
import se.samla.deviation.core.access.domain.Role;
import se.samla.deviation.core.common.application.FieldError;
import se.samla.deviation.core.common.application.NotPermittedException;
import se.samla.deviation.core.common.application.ValidationFailedException;
import se.samla.deviation.core.fixtures.CoreIntegrationTest;
import se.samla.deviation.core.fixtures.Personas;
import se.samla.deviation.core.fixtures.TestCare;
import se.samla.deviation.core.organisation.domain.OrganisationKind;

@CoreIntegrationTest
class MasterDataIT {

  @Autowired MasterData masterData;
  @Autowired ReferenceData referenceData;
  @Autowired ActorDirectory actors;

  @BeforeEach
  void setUp() {
    TestCare.install(masterData);
  }

  @Test
  void unitsAreFoundByNameAndOrganisation() {
    assertThat(referenceData.searchUnits("hemsjuk", null))
        .extracting(ReferenceData.UnitView::hsaId)
        .contains(TestCare.HOME_CARE_A, TestCare.HOME_CARE_B)
        .doesNotContain(TestCare.WARD);
    assertThat(referenceData.searchUnits("HEMSJUK", TestCare.KOMMUN_B))
        .singleElement()
        .satisfies(
            u -> {
              assertThat(u.hsaId()).isEqualTo(TestCare.HOME_CARE_B);
              assertThat(u.organisationName()).isEqualTo("Testkommun B");
              assertThat(u.organisationKind()).isEqualTo(OrganisationKind.MUNICIPALITY);
            });
  }

  @Test
  void inactiveUnitsCannotBePicked() {
    masterData.saveUnit(
        TestCare.admin(), "SE9999999003-U99", "Nedlagd enhet", TestCare.KOMMUN_B, false);
    assertThat(referenceData.searchUnits("Nedlagd", null)).isEmpty();
  }

  @Test
  void categoriesHaveSwedishAndEnglishLabels() {
    assertThat(referenceData.categories(new Locale("sv")))
        .hasSize(11)
        .first()
        .satisfies(c -> assertThat(c.label()).isEqualTo("Informationsöverföring"));
    assertThat(referenceData.categories(Locale.ENGLISH))
        .last()
        .satisfies(
            c -> {
              assertThat(c.code()).isEqualTo("OTHER");
              assertThat(c.label()).isEqualTo("Other");
            });
  }

  @Test
  void rolesComeFromAppointmentsAndRemovalTakesEffect() {
    PersonRef person = new PersonRef("SE9999999002-H7777", "Tillfällig handläggare");
    Actor before = actors.actorFor(person, TestCare.HOME_CARE_A, TestCare.KOMMUN_A, false);
    assertThat(before.roles()).containsExactly(Role.REPORTER);

    masterData.appointHandler(
        TestCare.admin(), TestCare.HOME_CARE_A, person.hsaId(), person.name(), null);
    Actor appointed = actors.actorFor(person, TestCare.HOME_CARE_A, TestCare.KOMMUN_A, false);
    assertThat(appointed.roles()).containsExactlyInAnyOrder(Role.REPORTER, Role.HANDLER);
    assertThat(appointed.handlerUnits()).containsExactly(TestCare.HOME_CARE_A);

    masterData.removeHandler(TestCare.admin(), TestCare.HOME_CARE_A, person.hsaId());
    assertThat(actors.actorFor(person, TestCare.HOME_CARE_A, TestCare.KOMMUN_A, false).roles())
        .containsExactly(Role.REPORTER);
  }

  @Test
  void onlyAdministratorsChangeMasterData() {
    assertThatThrownBy(
            () ->
                masterData.saveOrganisation(
                    Personas.coordinatorA(), TestCare.KOMMUN_A, "Kapad", OrganisationKind.PRIVATE))
        .isInstanceOf(NotPermittedException.class);
  }

  @Test
  void badMasterDataNamesTheFields() {
    assertThatThrownBy(
            () ->
                masterData.saveUnit(
                    TestCare.admin(), "not-an-hsa-id", " ", "SE0000000000-NONE", true))
        .isInstanceOfSatisfying(
            ValidationFailedException.class,
            e ->
                assertThat(e.errors())
                    .extracting(FieldError::field)
                    .containsExactlyInAnyOrder("hsaId", "name", "organisationHsaId"));
  }
}
