package se.samla.deviation.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import se.samla.deviation.core.fixtures.TestCare;
import se.samla.deviation.core.fixtures.TestPatients;
import se.samla.deviation.core.organisation.application.MasterData;

/**
 * Real SITHS-like logins against a real IdP: Keycloak (the Maven Central distribution that the
 * build unpacks into {@code target/keycloak}) runs on a free loopback port with the realm of {@code
 * keycloak/siths-realm.template.json}, and a plain HTTP client goes through the login form, the
 * signed SAML response and the REST API as three people of three organisations. Keycloak always
 * answers with the AuthnContextClassRef {@code unspecified}, so this test alone widens the LoA
 * allow-list.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
    properties = {
      "deviation.embedded-database.enabled=true",
      "deviation.embedded-database.data-directory=",
      "deviation.demo-data.enabled=false",
      "deviation.scheduling.enabled=false",
      "deviation.security.accepted-loa=urn:oasis:names:tc:SAML:2.0:ac:classes:unspecified",
      "deviation.patient.active-key-id=test-2026",
      "deviation.patient.keys.test-2026=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=",
      "deviation.patient.pseudonym-key=QEFCQ0RFRkdISUpLTE1OT1BRUlNUVVZXWFlaW1xdXl8=",
      "logging.level.io.zonky.test.db.postgres=warn"
    })
class KeycloakLoginIT {

  static final String REALM = "siths";
  static final String PASSWORD = "Test-l0senord";
  static final String REGISTRATION = "spring.security.saml2.relyingparty.registration.siths.";
  static final Duration STARTUP = Duration.ofSeconds(150);

  static final int SP_PORT = freePort();
  static final int KC_PORT = freePort();
  static final String SP = "http://localhost:" + SP_PORT;
  static final String KC = "http://localhost:" + KC_PORT;
  static final String SP_ENTITY_ID = SP + "/saml2/service-provider-metadata/siths";

  static Process keycloak;
  static Path keycloakLog;

  /**
   * Keycloak 24 runs on Java 17 to 22 (on 23+ its Infinispan fails: {@code Subject.getSubject} is
   * gone). A build on a newer JDK looks for one in {@code keycloak.java.home}, {@code
   * KEYCLOAK_JAVA_HOME} or {@code /usr/lib/jvm}, and skips this test, saying why, if none is there.
   */
  @BeforeAll
  static void keycloakNeedsAJavaItRunsOn() {
    Assumptions.assumeTrue(
        keycloakJava().isPresent(),
        "KeycloakLoginIT skipped: Keycloak 24 needs a Java 17-22 runtime, this build runs on Java "
            + Runtime.version().feature()
            + " and none was found in keycloak.java.home, KEYCLOAK_JAVA_HOME or /usr/lib/jvm");
    startKeycloak();
  }

  static Optional<Path> keycloakJava() {
    if (runsKeycloak(Runtime.version().feature())) {
      return Optional.of(Path.of(System.getProperty("java.home")));
    }
    Stream<Path> candidates =
        Stream.of(System.getProperty("keycloak.java.home"), System.getenv("KEYCLOAK_JAVA_HOME"))
            .filter(home -> home != null && !home.isBlank())
            .map(Path::of);
    try (Stream<Path> installed =
        Files.isDirectory(Path.of("/usr/lib/jvm"))
            ? Files.list(Path.of("/usr/lib/jvm")).sorted()
            : Stream.empty()) {
      return Stream.concat(candidates, installed.toList().stream())
          .filter(home -> Files.isExecutable(home.resolve("bin/java")))
          .filter(home -> runsKeycloak(featureVersion(home)))
          .findFirst();
    } catch (IOException ex) {
      return Optional.empty();
    }
  }

  static boolean runsKeycloak(int feature) {
    return feature >= 17 && feature <= 22;
  }

  /** The feature version from a JDK's {@code release} file, or 0 when it cannot be read. */
  static int featureVersion(Path home) {
    try {
      for (String line : Files.readAllLines(home.resolve("release"))) {
        Matcher version = Pattern.compile("^JAVA_VERSION=\"(\\d+)").matcher(line);
        if (version.find()) {
          return Integer.parseInt(version.group(1));
        }
      }
    } catch (IOException | RuntimeException ex) {
      return 0;
    }
    return 0;
  }

  @DynamicPropertySource
  static void registration(DynamicPropertyRegistry registry) {
    startKeycloak();
    registry.add("server.port", () -> SP_PORT);
    registry.add(REGISTRATION + "entity-id", () -> SP_ENTITY_ID);
    for (String use : new String[] {"signing", "decryption"}) {
      registry.add(
          REGISTRATION + use + ".credentials[0].private-key-location",
          () -> "classpath:dev-saml/dev-sp.key");
      registry.add(
          REGISTRATION + use + ".credentials[0].certificate-location",
          () -> "classpath:dev-saml/dev-sp.crt");
    }
    registry.add(REGISTRATION + "singlelogout.url", () -> SP + "/logout/saml2/slo");
    registry.add(REGISTRATION + "singlelogout.response-url", () -> SP + "/logout/saml2/slo");
    registry.add(REGISTRATION + "singlelogout.binding", () -> "REDIRECT");
    String idp = KC + "/realms/" + REALM + "/protocol/saml";
    registry.add(
        REGISTRATION + "assertingparty.metadata-uri",
        () -> {
          awaitKeycloak();
          return idp + "/descriptor";
        });
    // Keycloak's metadata lists the POST binding first; a signed Redirect is what Inera gets.
    registry.add(REGISTRATION + "assertingparty.singlesignon.url", () -> idp);
    registry.add(REGISTRATION + "assertingparty.singlesignon.binding", () -> "REDIRECT");
    registry.add(REGISTRATION + "assertingparty.singlesignon.sign-request", () -> "true");
    registry.add(REGISTRATION + "assertingparty.singlelogout.url", () -> idp);
    registry.add(REGISTRATION + "assertingparty.singlelogout.response-url", () -> idp);
    registry.add(REGISTRATION + "assertingparty.singlelogout.binding", () -> "REDIRECT");
  }

  @Autowired MasterData masterData;

  final ObjectMapper json = new ObjectMapper();

  // ---- the scenario -------------------------------------------------------------------------

  @Test
  void realLoginsCarryADeviationAcrossOrganisationsToClosedAndSingleLogoutEndsTheSession()
      throws Exception {
    TestCare.install(masterData);
    Browser reporter = new Browser();
    Browser handler = new Browser();
    Browser outsider = new Browser();
    reporter.login("reporter");
    handler.login("handler");
    outsider.login("outsider");

    JsonNode me = reporter.api("GET", "/api/v1/me", null, 200);
    assertThat(me.toString()).contains("SE9999999001-RKC001");

    JsonNode created =
        reporter.api(
            "POST",
            "/api/v1/deviations",
            """
            {"occurredAt": "2026-11-20T14:30:00+01:00", "discoveredAt": "2026-11-20T16:00:00+01:00",
             "receivingUnitHsaId": "%s", "categoryCode": "INFORMATION_TRANSFER",
             "description": "Patienten skrevs ut utan aktuell läkemedelslista.",
             "immediateActions": "Ringde avdelningen.", "consequence": "MODERATE",
             "probability": "HIGH",
             "patient": {"personalIdentityNumber": "%s"},
             "possibleLexMaria": false, "possibleLexSarah": false}
            """
                .formatted(TestCare.HOME_CARE_A, TestPatients.TOLVAN_TOLVANSSON),
            201);
    assertThat(created.path("status").asText()).isEqualTo("SUBMITTED");
    assertThat(created.path("reportingUnit").path("hsaId").asText()).isEqualTo(TestCare.WARD);
    String id = created.path("id").asText();
    String base = "/api/v1/deviations/" + id;

    JsonNode inbox =
        handler.api("GET", "/api/v1/deviations?view=inbox&status=SUBMITTED&size=100", null, 200);
    assertThat(inbox.path("items").findValuesAsText("id")).contains(id);

    assertThat(handler.api("POST", base + "/assignment", "{}", 200).path("status").asText())
        .isEqualTo("ASSIGNED");
    assertThat(
            handler
                .api(
                    "POST",
                    base + "/information-request",
                    "{\"question\": \"Vilken läkare?\"}",
                    200)
                .path("status")
                .asText())
        .isEqualTo("INFORMATION_REQUESTED");
    assertThat(
            reporter
                .api("POST", base + "/information", "{\"answer\": \"Dr. Exempel\"}", 200)
                .path("status")
                .asText())
        .isEqualTo("ASSIGNED");
    assertThat(
            handler
                .api(
                    "POST",
                    base + "/answer",
                    "{\"investigation\": \"Utrett\", \"causes\": \"Rutin\","
                        + " \"measures\": \"Ny rutin\"}",
                    200)
                .path("status")
                .asText())
        .isEqualTo("ANSWERED");
    JsonNode closed = reporter.api("POST", base + "/acceptance", "{}", 200);
    assertThat(closed.path("status").asText()).isEqualTo("CLOSED");

    // Another organisation does not even learn that the deviation exists.
    outsider.api("GET", base, null, 404);

    // Single logout: the application's session ends, and so does Keycloak's.
    reporter.logout();
    assertThat(reporter.send("GET", SP + "/api/v1/me", null, Map.of()).statusCode()).isEqualTo(401);
    HttpResponse<String> again = reporter.follow(SP + "/saml2/authenticate/siths");
    assertThat(again.body()).contains("kc-form-login");
    handler.api("GET", base, null, 200);
  }

  // ---- a browser ----------------------------------------------------------------------------

  /** A cookie jar and a client that follows redirects by hand, as a browser would. */
  final class Browser {

    final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    final HttpClient client =
        HttpClient.newBuilder()
            .cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    HttpResponse<String> send(String method, String url, String body, Map<String, String> headers)
        throws IOException, InterruptedException {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
      headers.forEach(request::header);
      request.method(
          method,
          body == null
              ? HttpRequest.BodyPublishers.noBody()
              : HttpRequest.BodyPublishers.ofString(body));
      return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** GETs {@code url} and follows redirects until a page that is not a redirect. */
    HttpResponse<String> follow(String url) throws IOException, InterruptedException {
      return follow(send("GET", url, null, Map.of("Accept", "text/html")));
    }

    HttpResponse<String> follow(HttpResponse<String> response)
        throws IOException, InterruptedException {
      for (int hops = 0; hops < 10 && response.statusCode() / 100 == 3; hops++) {
        String next =
            response
                .uri()
                .resolve(response.headers().firstValue("Location").orElseThrow())
                .toString();
        response = send("GET", next, null, Map.of("Accept", "text/html"));
      }
      return response;
    }

    HttpResponse<String> postForm(String url, Map<String, String> fields)
        throws IOException, InterruptedException {
      String body =
          fields.entrySet().stream()
              .map(
                  field ->
                      URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8)
                          + "="
                          + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
              .collect(Collectors.joining("&"));
      return send(
          "POST",
          url,
          body,
          Map.of("Content-Type", "application/x-www-form-urlencoded", "Accept", "text/html"));
    }

    /** SP → Keycloak's login form → the auto-posted SAML response → the ACS → a session. */
    void login(String username) throws Exception {
      HttpResponse<String> form = follow(SP + "/saml2/authenticate/siths");
      assertThat(form.uri().toString())
          .as("login start answered " + form.statusCode() + " " + form.headers() + form.body())
          .startsWith(KC + "/realms/" + REALM + "/");
      String action = html(attribute(form.body(), "form[^>]*id=\"kc-form-login\"", "action"));
      HttpResponse<String> posted =
          follow(postForm(action, Map.of("username", username, "password", PASSWORD)));
      String body = posted.body();
      assertThat(body).as("Keycloak's answer to the login form").contains("SAMLResponse");
      String acs = html(attribute(body, "form", "action"));
      assertThat(acs).isEqualTo(SP + "/login/saml2/sso/siths");
      Map<String, String> fields = new LinkedHashMap<>();
      fields.put("SAMLResponse", html(hiddenInput(body, "SAMLResponse")));
      fields.put("RelayState", html(hiddenInput(body, "RelayState")));
      HttpResponse<String> done = postForm(acs, fields);
      assertThat(done.statusCode()).as("status of the ACS post").isEqualTo(302);
      assertThat(done.headers().firstValue("Location")).hasValue(SP + "/");
      assertThat(cookie("SESSION")).isNotNull();
    }

    JsonNode api(String method, String path, String body, int expectedStatus) throws Exception {
      Map<String, String> headers = new LinkedHashMap<>();
      headers.put("Accept", "application/json");
      if (!"GET".equals(method)) {
        if (cookie("XSRF-TOKEN") == null) {
          send("GET", SP + "/api/v1/me", null, Map.of("Accept", "application/json"));
        }
        headers.put("X-XSRF-TOKEN", cookie("XSRF-TOKEN").getValue());
        headers.put("Content-Type", "application/json");
      }
      HttpResponse<String> response = send(method, SP + path, body, headers);
      assertThat(response.statusCode())
          .as(method + " " + path + " answered " + response.body())
          .isEqualTo(expectedStatus);
      return response.body().isEmpty() ? json.nullNode() : json.readTree(response.body());
    }

    /** POST /logout → LogoutRequest to Keycloak → LogoutResponse back to our SLO endpoint. */
    void logout() throws Exception {
      if (cookie("XSRF-TOKEN") == null) {
        send("GET", SP + "/api/v1/me", null, Map.of("Accept", "application/json"));
      }
      HttpResponse<String> start =
          send(
              "POST",
              SP + "/logout",
              "",
              Map.of(
                  "X-XSRF-TOKEN",
                  cookie("XSRF-TOKEN").getValue(),
                  "Content-Type",
                  "application/x-www-form-urlencoded"));
      assertThat(start.statusCode()).as("logout start " + start.body()).isEqualTo(302);
      String toIdp = start.headers().firstValue("Location").orElseThrow();
      assertThat(toIdp).startsWith(KC + "/realms/" + REALM + "/protocol/saml?SAMLRequest=");
      HttpResponse<String> idp = send("GET", toIdp, null, Map.of("Accept", "text/html"));
      assertThat(idp.statusCode()).as("Keycloak's logout answer " + idp.body()).isEqualTo(302);
      String back = idp.headers().firstValue("Location").orElseThrow();
      assertThat(back).startsWith(SP + "/logout/saml2/slo?SAMLResponse=");
      HttpResponse<String> slo = send("GET", back, null, Map.of("Accept", "text/html"));
      assertThat(slo.statusCode()).as("our SLO endpoint").isEqualTo(302);
    }

    HttpCookie cookie(String name) {
      return cookies.getCookieStore().getCookies().stream()
          .filter(cookie -> cookie.getName().equals(name))
          .findFirst()
          .orElse(null);
    }
  }

  static String attribute(String html, String elementPattern, String attribute) {
    Matcher matcher =
        Pattern.compile(
                "<" + elementPattern + "[^>]*\\s" + attribute + "=\"([^\"]*)\"",
                Pattern.CASE_INSENSITIVE)
            .matcher(html);
    assertThat(matcher.find()).as(attribute + " of " + elementPattern + " in " + html).isTrue();
    return matcher.group(1);
  }

  static String hiddenInput(String html, String name) {
    Matcher matcher =
        Pattern.compile(
                "<input[^>]*name=\"" + name + "\"[^>]*value=\"([^\"]*)\"", Pattern.CASE_INSENSITIVE)
            .matcher(html);
    assertThat(matcher.find()).as(name + " in " + html).isTrue();
    return matcher.group(1);
  }

  static String html(String text) {
    return text.replace("&amp;", "&")
        .replace("&quot;", "\"")
        .replace("&#x3d;", "=")
        .replace("&#61;", "=")
        .replace("&#x2b;", "+")
        .replace("&#43;", "+")
        .replace("&#x2f;", "/")
        .replace("&#47;", "/");
  }

  // ---- Keycloak -----------------------------------------------------------------------------

  static void startKeycloak() {
    if (keycloak != null) {
      return;
    }
    Path home = Path.of(System.getProperty("keycloak.home", "target/keycloak/keycloak-24.0.5"));
    assertThat(home.resolve("bin/kc.sh"))
        .as("Keycloak unpacked by the build (mvn verify, pre-integration-test)")
        .exists();
    try {
      // A fresh H2 database each run, so that the realm is imported with this run's ports.
      deleteRecursively(home.resolve("data/h2"));
      Path imports = Files.createDirectories(home.resolve("data/import"));
      String certificate;
      try (InputStream in = KeycloakLoginIT.class.getResourceAsStream("/dev-saml/dev-sp.crt")) {
        certificate =
            new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                .replaceAll("-----[A-Z ]+-----", "")
                .replaceAll("\\s", "");
      }
      String realm;
      try (InputStream in =
          KeycloakLoginIT.class.getResourceAsStream("/keycloak/siths-realm.template.json")) {
        realm = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      realm =
          realm
              .replace("${spEntityId}", SP_ENTITY_ID)
              .replace("${spBaseUrl}", SP)
              .replace("${spCertificate}", certificate)
              .replace("${password}", PASSWORD);
      Files.writeString(imports.resolve("siths-realm.json"), realm);
      keycloakLog = home.resolve("keycloak-it.log");
      ProcessBuilder builder =
          new ProcessBuilder(
                  home.resolve("bin/kc.sh").toString(),
                  "start-dev",
                  "--http-host=127.0.0.1",
                  "--http-port=" + KC_PORT,
                  "--import-realm")
              .redirectErrorStream(true)
              .redirectOutput(keycloakLog.toFile());
      builder.environment().put("KEYCLOAK_ADMIN", "admin");
      builder.environment().put("KEYCLOAK_ADMIN_PASSWORD", "admin");
      builder.environment().put("JAVA_HOME", keycloakJava().orElseThrow().toString());
      keycloak = builder.start();
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
  }

  static void awaitKeycloak() {
    HttpClient client = HttpClient.newHttpClient();
    URI realm = URI.create(KC + "/realms/" + REALM);
    Instant deadline = Instant.now().plus(STARTUP);
    while (Instant.now().isBefore(deadline)) {
      assertThat(keycloak.isAlive()).as("Keycloak is running, see " + keycloakLog).isTrue();
      try {
        if (client
                .send(HttpRequest.newBuilder(realm).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode()
            == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      } catch (InterruptedException ex) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(ex);
      }
      try {
        Thread.sleep(500);
      } catch (InterruptedException ex) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(ex);
      }
    }
    throw new IllegalStateException(
        "Keycloak did not start in " + STARTUP + ", see " + keycloakLog);
  }

  @AfterAll
  static void stopKeycloak() throws InterruptedException {
    if (keycloak != null) {
      keycloak.descendants().forEach(ProcessHandle::destroy);
      keycloak.destroy();
      if (!keycloak.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
        keycloak.descendants().forEach(ProcessHandle::destroyForcibly);
        keycloak.destroyForcibly();
      }
      keycloak = null;
    }
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
  }

  static void deleteRecursively(Path path) throws IOException {
    if (!Files.exists(path)) {
      return;
    }
    try (Stream<Path> files = Files.walk(path)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    }
  }
}
