package se.samla.deviation.web.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static se.samla.deviation.web.api.Logins.as;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import se.samla.deviation.core.fixtures.TestCare;
import se.samla.deviation.core.organisation.application.MasterData;

/** Master data over the API: single records, and the all-or-nothing import. */
@ApiIntegrationTest
class AdminImportIT {

  @Autowired MockMvc mvc;
  @Autowired MasterData masterData;

  @BeforeEach
  void landscape() {
    TestCare.install(masterData);
  }

  private boolean organisationExists(String hsaId) {
    return masterData.organisations(TestCare.admin()).stream()
        .anyMatch(o -> o.hsaId().equals(hsaId));
  }

  private static MockMultipartFile csv(String text) {
    return new MockMultipartFile(
        "file", "import.csv", "text/csv", text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void importsACsvFile() throws Exception {
    String csv =
        """
        type;hsaId;name;kind
        # a new municipality with one unit and its people
        organisation;SE9999999011-ORG;Importkommunen;MUNICIPALITY
        unit;SE9999999011-U01;"Hemtjänst; norr";SE9999999011-ORG;true
        handler;SE9999999011-U01;SE9999999011-H0001;Ida Import;ida@example.se
        coordinator;SE9999999011-ORG;SE9999999011-C0001;Cia Import;
        """;

    mvc.perform(
            multipart("/api/v1/admin/import")
                .file(csv(csv))
                .with(as(TestCare.admin()))
                .with(csrf()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.organisations").value(1))
        .andExpect(jsonPath("$.units").value(1))
        .andExpect(jsonPath("$.handlers").value(1))
        .andExpect(jsonPath("$.coordinators").value(1));

    assertThat(organisationExists("SE9999999011-ORG")).isTrue();
    assertThat(masterData.units(TestCare.admin()))
        .anyMatch(u -> u.hsaId().equals("SE9999999011-U01") && u.name().equals("Hemtjänst; norr"));
  }

  @Test
  void storesNothingWhenAnyLineIsWrongAndNamesTheLines() throws Exception {
    String csv =
        """
        organisation,SE9999999012-ORG,Halvkommunen,MUNICIPALITY
        unit,SE9999999012-U01,Bra enhet,SE9999999012-ORG,true
        unit,not-an-hsa-id,Dålig enhet,SE9999999012-ORG,true
        handler,SE9999999012-U99,SE9999999012-H0001,Ingen Enhet,
        organisation,SE9999999013-ORG,Okänd sort,COUNTY
        """;

    mvc.perform(
            multipart("/api/v1/admin/import")
                .file(csv(csv))
                .with(as(TestCare.admin()))
                .with(csrf()))
        .andExpect(status().isUnprocessableEntity())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.errors[0].line").value(5))
        .andExpect(jsonPath("$.errors[0].field").value("kind"));

    mvc.perform(
            multipart("/api/v1/admin/import")
                .file(csv(csv.replace("COUNTY", "PRIVATE")))
                .with(as(TestCare.admin()))
                .with(csrf()))
        .andExpect(status().isUnprocessableEntity())
        .andExpect(jsonPath("$.errors[0].line").value(3))
        .andExpect(jsonPath("$.errors[0].field").value("hsaId"))
        .andExpect(jsonPath("$.errors[1].line").value(4))
        .andExpect(jsonPath("$.errors[1].field").value("unitHsaId"));

    assertThat(organisationExists("SE9999999012-ORG")).isFalse();
    assertThat(organisationExists("SE9999999013-ORG")).isFalse();
  }

  @Test
  void importsJsonAllOrNothingWithLineNumbers() throws Exception {
    String json =
        """
        {
          "organisations": [
            {"hsaId": "SE9999999014-ORG", "name": "Jsonregionen", "kind": "REGION"}
          ],
          "units": [
            {"hsaId": "SE9999999014-U01", "name": "Enhet", "organisationHsaId": "SE9999999099-ORG"}
          ]
        }
        """;
    mvc.perform(
            multipart("/api/v1/admin/import")
                .file(
                    new MockMultipartFile(
                        "file",
                        "import.json",
                        "application/json",
                        json.getBytes(StandardCharsets.UTF_8)))
                .with(as(TestCare.admin()))
                .with(csrf()))
        .andExpect(status().isUnprocessableEntity())
        .andExpect(jsonPath("$.errors[0].line").value(6))
        .andExpect(jsonPath("$.errors[0].field").value("organisationHsaId"));
    assertThat(organisationExists("SE9999999014-ORG")).isFalse();

    mvc.perform(
            post("/api/v1/admin/import")
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.replace("SE9999999099-ORG", "SE9999999014-ORG"))
                .with(as(TestCare.admin()))
                .with(csrf()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.units").value(1));
    assertThat(organisationExists("SE9999999014-ORG")).isTrue();
  }

  @Test
  void createsAnOrganisationWithLocation() throws Exception {
    mvc.perform(
            post("/api/v1/admin/organisations")
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"hsaId\": \"SE9999999015-ORG\", \"name\": \"Nya\", \"kind\": \"PRIVATE\"}")
                .with(as(TestCare.admin()))
                .with(csrf()))
        .andExpect(status().isCreated())
        .andExpect(header().string("Location", "/api/v1/admin/organisations/SE9999999015-ORG"))
        .andExpect(jsonPath("$.kind").value("PRIVATE"));
  }
}
