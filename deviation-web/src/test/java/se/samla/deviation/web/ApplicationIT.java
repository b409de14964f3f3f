package se.samla.deviation.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;

/** The whole application on the laptop profile with a throw-away embedded PostgreSQL. */
@SpringBootTest(
    webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = {
      "deviation.embedded-database.enabled=true",
      "deviation.embedded-database.data-directory=",
      "deviation.demo-data.enabled=false",
      "deviation.scheduling.enabled=false"
    })
@ActiveProfiles("dev")
@ExtendWith(OutputCaptureExtension.class)
class ApplicationIT {

  @Autowired TestRestTemplate rest;
  @Autowired ObjectMapper objectMapper;
  @Autowired ApplicationContext context;

  @Test
  void isHealthyLiveAndReady() throws Exception {
    for (String path :
        new String[] {
          "/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"
        }) {
      ResponseEntity<String> response = rest.getForEntity(path, String.class);

      assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
      assertThat(json(response).path("status").asText()).as(path).isEqualTo("UP");
    }
  }

  @Test
  void healthShowsNoDetailsToAnonymousCallers() throws Exception {
    JsonNode health = json(rest.getForEntity("/actuator/health", String.class));

    assertThat(health.has("components")).isFalse();
    assertThat(health.has("details")).isFalse();
  }

  @Test
  void infoShowsTheBuild() throws Exception {
    JsonNode info = json(rest.getForEntity("/actuator/info", String.class));

    assertThat(info.path("build").path("artifact").asText()).isEqualTo("deviation-web");
    assertThat(info.path("build").path("version").asText()).isNotBlank();
    assertThat(info.path("java").path("version").asText()).isNotBlank();
  }

  @Test
  void exportsPrometheusMetricsTaggedWithTheApplication() {
    ResponseEntity<String> response = rest.getForEntity("/actuator/prometheus", String.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(response.getHeaders().getContentType().toString()).startsWith("text/plain");
    assertThat(response.getBody())
        .contains("jvm_memory_used_bytes")
        .contains("application=\"avvikelser-i-samverkan\"");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/",
        "/api/v1/deviations",
        "/api/v1/deviations/1",
        "/actuator",
        "/actuator/env",
        "/actuator/beans",
        "/actuator/configprops",
        "/actuator/heapdump",
        "/login",
        "/error"
      })
  void refusesEverythingElseWithAProblemDetail(String path) throws Exception {
    ResponseEntity<String> response = rest.getForEntity(path, String.class);

    assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertProblem(response, 401, path);
    assertThat(response.getHeaders().get(HttpHeaders.SET_COOKIE)).as(path).isNull();
    assertThat(response.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).as(path).isNull();
  }

  @Test
  void refusesApiCallsWithoutLoginEvenWhenTheyAskForHtml() throws Exception {
    HttpHeaders headers = new HttpHeaders();
    headers.setAccept(java.util.List.of(MediaType.TEXT_HTML));
    ResponseEntity<String> response =
        rest.exchange(
            "/api/v1/deviations", HttpMethod.GET, new HttpEntity<>(headers), String.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(response.getHeaders().getLocation()).isNull();
  }

  @Test
  void refusesWritesWithoutLogin() {
    ResponseEntity<String> response = rest.postForEntity("/api/v1/deviations", "{}", String.class);

    assertThat(response.getStatusCode().value()).isIn(401, 403);
    assertThat(
            response
                .getHeaders()
                .getContentType()
                .isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .isTrue();
  }

  @Test
  void sendsSecurityHeaders() {
    for (String path : new String[] {"/actuator/health", "/api/v1/deviations"}) {
      HttpHeaders headers = rest.getForEntity(path, String.class).getHeaders();

      assertThat(headers.getFirst("Content-Security-Policy"))
          .as(path)
          .isEqualTo("default-src 'self'; frame-ancestors 'none'");
      assertThat(headers.getFirst("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
      assertThat(headers.getFirst("Referrer-Policy")).as(path).isEqualTo("same-origin");
      assertThat(headers.getFirst("X-Frame-Options")).as(path).isEqualTo("DENY");
      assertThat(headers.getFirst(HttpHeaders.CACHE_CONTROL)).as(path).contains("no-store");
    }
  }

  @Test
  void hasNoLocalUsers(CapturedOutput output) {
    assertThat(context.getBeanNamesForType(UserDetailsService.class)).isEmpty();
    assertThat(output.getAll()).doesNotContain("generated security password");
  }

  private void assertProblem(ResponseEntity<String> response, int status, String path)
      throws Exception {
    assertThat(
            response
                .getHeaders()
                .getContentType()
                .isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .as(path + " is application/problem+json")
        .isTrue();
    JsonNode problem = json(response);
    assertThat(problem.path("status").asInt()).as(path).isEqualTo(status);
    assertThat(problem.path("title").asText()).as(path).isEqualTo("Unauthorized");
    assertThat(problem.path("detail").asText()).as(path).isNotBlank();
    assertThat(problem.path("instance").asText()).as(path).isEqualTo(path);
  }

  private JsonNode json(ResponseEntity<String> response) throws Exception {
    return objectMapper.readTree(response.getBody());
  }
}
