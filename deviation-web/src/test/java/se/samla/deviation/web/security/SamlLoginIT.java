package se.samla.deviation.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import jakarta.servlet.http.Cookie;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opensaml.saml.saml2.core.Assertion;
import org.opensaml.saml.saml2.core.Attribute;
import org.opensaml.saml.saml2.core.Response;
import org.opensaml.xmlsec.signature.support.SignatureConstants;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.saml2.provider.service.authentication.Saml2RedirectAuthenticationRequest;
import org.springframework.security.saml2.provider.service.registration.RelyingPartyRegistrationRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * SITHS login end to end through the real filter chain: a real AuthnRequest is started, a test IdP
 * (its own key pair) answers it with a response built and signed by OpenSAML, and the response is
 * posted to the ACS. The attack cases change one thing each and must leave no authenticated
 * session, a generic 401, and a security log line without the XML.
 */
@SpringBootTest(
    properties = {
      "deviation.embedded-database.enabled=true",
      "deviation.embedded-database.data-directory=",
      "deviation.demo-data.enabled=false",
      "deviation.scheduling.enabled=false",
      "logging.level.se.samla.deviation.security=debug"
    })
@AutoConfigureMockMvc
@ActiveProfiles("dev")
@ExtendWith(OutputCaptureExtension.class)
class SamlLoginIT {

  static final TestIdp IDP = new TestIdp("Test IdP");
  static final TestIdp ATTACKER = new TestIdp("Attacker");
  static final String HSA_ID = "SE0000000001-P0101";
  static final String IDP_SLO = "https://idp.test.example/slo";
  static final String SP_SLO = "http://localhost/logout/saml2/slo";
  static final String PREFIX =
      "spring.security.saml2.relyingparty.registration.siths.assertingparty.";

  @DynamicPropertySource
  static void registration(DynamicPropertyRegistry registry) throws Exception {
    String certificate = "file:" + IDP.writeCertificate();
    registry.add(PREFIX + "entity-id", () -> TestIdp.ENTITY_ID);
    registry.add(PREFIX + "singlesignon.url", () -> TestIdp.SSO_URL);
    registry.add(PREFIX + "verification.credentials[0].certificate-location", () -> certificate);
    registry.add(PREFIX + "singlelogout.url", () -> IDP_SLO);
    registry.add(PREFIX + "singlelogout.response-url", () -> IDP_SLO);
  }

  @Autowired MockMvc mvc;

  @Autowired FindByIndexNameSessionRepository<? extends Session> sessions;

  /** What a browser holds after starting a login: the binding cookie and the RelayState. */
  record Browser(Cookie binding, String relayState, String requestId) {}

  record Attempt(MvcResult result, SecurityContext context) {}

  Browser start() throws Exception {
    MvcResult start = mvc.perform(get("/saml2/authenticate/siths")).andReturn();
    String location = start.getResponse().getHeader(HttpHeaders.LOCATION);
    String relayState =
        UriComponentsBuilder.fromUriString(location)
            .build()
            .getQueryParams()
            .getFirst("RelayState");
    return new Browser(
        start.getResponse().getCookie(BrowserBoundAuthenticationRequests.COOKIE),
        java.net.URLDecoder.decode(relayState, java.nio.charset.StandardCharsets.UTF_8),
        TestIdp.requestId(TestIdp.authnRequestXml(location)));
  }

  /** Starts a real AuthnRequest in a fresh browser and posts what {@code idp} makes of it. */
  Attempt login(BiFunction<String, Browser, String> idp) throws Exception {
    Browser browser = start();
    return post(browser, idp.apply(browser.requestId(), browser));
  }

  Attempt post(Browser browser, String xml) throws Exception {
    MockHttpServletRequestBuilder request =
        MockMvcRequestBuilders.post("/login/saml2/sso/siths")
            .param("SAMLResponse", TestIdp.base64(xml));
    if (browser != null) {
      request.param("RelayState", browser.relayState()).cookie(browser.binding());
    }
    MvcResult result = mvc.perform(request).andReturn();
    Cookie session = result.getResponse().getCookie("SESSION");
    SecurityContext context = null;
    if (session != null && !session.getValue().isEmpty()) {
      String id =
          new String(
              java.util.Base64.getDecoder().decode(session.getValue()),
              java.nio.charset.StandardCharsets.UTF_8);
      Session stored = sessions.findById(id);
      context =
          stored == null
              ? null
              : stored.getAttribute(
                  HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
    }
    return new Attempt(result, context);
  }

  static Map<String, String> persona() {
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put(TestIdp.ATTR + "employeeHsaId", HSA_ID);
    attributes.put(TestIdp.ATTR + "givenName", "Sofia");
    attributes.put(TestIdp.ATTR + "surname", "Lindqvist");
    attributes.put(TestIdp.ATTR + "healthCareProviderHsaId", "SE0000000001-0000");
    attributes.put(TestIdp.ATTR + "healthCareUnitHsaId", "SE0000000001-1001");
    attributes.put(TestIdp.ATTR + "healthCareUnitName", "Medicinavdelning 1");
    return attributes;
  }

  Attempt loginWith(java.util.function.Consumer<Response> change) throws Exception {
    return login(
        (id, browser) -> {
          Response response = TestIdp.response(id, persona());
          change.accept(response);
          return IDP.signBoth(response);
        });
  }

  static void assertRefused(Attempt attempt, CapturedOutput output) {
    assertThat(attempt.result().getResponse().getStatus()).isEqualTo(401);
    SecurityContext context = attempt.context();
    assertThat(context == null || context.getAuthentication() == null).isTrue();
    assertThat(attempt.result().getResponse().getCookie("SESSION")).isNull();
    assertThat(output.getAll()).contains("SAML login refused");
    assertThat(output.getAll())
        .doesNotContain("<saml2:Assertion")
        .doesNotContain("<saml2p:Response");
  }

  static SithsPrincipal assertLoggedIn(Attempt attempt) {
    assertThat(attempt.result().getResponse().getStatus()).isEqualTo(302);
    assertThat(attempt.result().getResponse().getRedirectedUrl()).isEqualTo("/");
    SecurityContext context = attempt.context();
    assertThat(context).isNotNull();
    assertThat(context.getAuthentication().getPrincipal()).isInstanceOf(SithsPrincipal.class);
    return (SithsPrincipal) context.getAuthentication().getPrincipal();
  }

  // ---- the happy paths ----------------------------------------------------------------------

  @Test
  void validLoginCreatesASessionWithTheSithsPrincipal() throws Exception {
    SithsPrincipal principal = assertLoggedIn(loginWith(response -> {}));

    assertThat(principal.getName()).isEqualTo(HSA_ID);
    assertThat(principal.getRelyingPartyRegistrationId()).isEqualTo("siths");
    assertThat(principal.getSessionIndexes()).hasSize(1);
    SithsUser user = principal.user();
    assertThat(user.displayName()).isEqualTo("Sofia Lindqvist");
    assertThat(user.unitHsaId()).isEqualTo("SE0000000001-1001");
    assertThat(user.organisationHsaId()).isEqualTo("SE0000000001-0000");
    assertThat(user.levelOfAssurance()).isEqualTo(TestIdp.LOA3);
  }

  @Test
  void theSessionLivesInPostgresqlWithTheConfiguredIdleTimeout() throws Exception {
    assertLoggedIn(loginWith(response -> {}));

    var stored = sessions.findByPrincipalName(HSA_ID);
    assertThat(stored).isNotEmpty();
    assertThat(stored.values())
        .allSatisfy(
            session ->
                assertThat(session.getMaxInactiveInterval())
                    .isEqualTo(java.time.Duration.ofMinutes(30)));
  }

  @Test
  void theLoginCookieSurvivesTheIdpsCrossSitePostOnlyOverHttps() throws Exception {
    MvcResult https = mvc.perform(get("/saml2/authenticate/siths").secure(true)).andReturn();
    MvcResult http = mvc.perform(get("/saml2/authenticate/siths")).andReturn();

    assertThat(https.getResponse().getHeader(HttpHeaders.SET_COOKIE))
        .startsWith(BrowserBoundAuthenticationRequests.COOKIE + "=")
        .contains("Path=/login/saml2/", "HttpOnly", "SameSite=None", "Secure");
    assertThat(http.getResponse().getHeader(HttpHeaders.SET_COOKIE))
        .contains("SameSite=Lax")
        .doesNotContain("Secure");
    // No session is created for an anonymous login start: the session cookie stays Lax.
    assertThat(https.getResponse().getCookie("SESSION")).isNull();
  }

  @Test
  void overHttpsTheSessionCookieIsSecureAndLax() throws Exception {
    String acs = TestIdp.ACS.replace("http:", "https:");
    org.springframework.test.web.servlet.request.RequestPostProcessor https =
        request -> {
          request.setScheme("https");
          request.setSecure(true);
          request.setServerPort(443);
          return request;
        };
    MvcResult start = mvc.perform(get("/saml2/authenticate/siths").with(https)).andReturn();
    String location = start.getResponse().getHeader(HttpHeaders.LOCATION);
    String relayState =
        UriComponentsBuilder.fromUriString(location)
            .build()
            .getQueryParams()
            .getFirst("RelayState");
    Response response =
        TestIdp.response(TestIdp.requestId(TestIdp.authnRequestXml(location)), persona());
    response.setDestination(acs);
    Assertion assertion = response.getAssertions().get(0);
    assertion
        .getSubject()
        .getSubjectConfirmations()
        .get(0)
        .getSubjectConfirmationData()
        .setRecipient(acs);
    assertion
        .getConditions()
        .getAudienceRestrictions()
        .get(0)
        .getAudiences()
        .get(0)
        .setURI(TestIdp.SP_ENTITY_ID.replace("http:", "https:"));

    MvcResult login =
        mvc.perform(
                MockMvcRequestBuilders.post("/login/saml2/sso/siths")
                    .with(https)
                    .param("SAMLResponse", TestIdp.base64(IDP.signBoth(response)))
                    .param(
                        "RelayState",
                        java.net.URLDecoder.decode(
                            relayState, java.nio.charset.StandardCharsets.UTF_8))
                    .cookie(
                        start.getResponse().getCookie(BrowserBoundAuthenticationRequests.COOKIE)))
            .andReturn();

    assertThat(login.getResponse().getStatus()).isEqualTo(302);
    assertThat(login.getResponse().getHeaders(HttpHeaders.SET_COOKIE))
        .anySatisfy(
            cookie ->
                assertThat(cookie)
                    .startsWith("SESSION=")
                    .contains("Secure", "HttpOnly", "SameSite=Lax"));
  }

  @Test
  void encryptedAssertionIsAccepted() throws Exception {
    Attempt attempt = login((id, browser) -> IDP.signEncrypted(TestIdp.response(id, persona())));

    assertThat(assertLoggedIn(attempt).getName()).isEqualTo(HSA_ID);
  }

  @Test
  void authnRequestIsSignedAndAsksForLoa3Exactly() throws Exception {
    MvcResult start = mvc.perform(get("/saml2/authenticate/siths")).andReturn();
    String location = start.getResponse().getHeader(HttpHeaders.LOCATION);
    String xml = TestIdp.authnRequestXml(location);

    assertThat(location).startsWith(TestIdp.SSO_URL).contains("Signature=").contains("SigAlg=");
    assertThat(xml)
        .contains("Comparison=\"exact\"")
        .contains(">" + TestIdp.LOA3 + "</")
        .contains("AssertionConsumerServiceURL=\"" + TestIdp.ACS + "\"");
  }

  @Test
  void browsersWithoutSessionGoToTheIdpAndApiCallsGetAProblem() throws Exception {
    MvcResult page = mvc.perform(get("/").accept(MediaType.TEXT_HTML, MediaType.ALL)).andReturn();
    MvcResult api = mvc.perform(get("/api/v1/deviations").accept(MediaType.TEXT_HTML)).andReturn();
    MvcResult json = mvc.perform(get("/").accept(MediaType.APPLICATION_JSON)).andReturn();

    assertThat(page.getResponse().getStatus()).isEqualTo(302);
    assertThat(page.getResponse().getRedirectedUrl()).endsWith("/saml2/authenticate/siths");
    assertThat(api.getResponse().getStatus()).isEqualTo(401);
    assertThat(json.getResponse().getStatus()).isEqualTo(401);
    assertThat(json.getResponse().getContentType()).startsWith("application/problem+json");
  }

  @Test
  void publishesServiceProviderMetadata() throws Exception {
    MvcResult metadata = mvc.perform(get("/saml2/service-provider-metadata/siths")).andReturn();

    assertThat(metadata.getResponse().getStatus()).isEqualTo(200);
    assertThat(metadata.getResponse().getContentAsString())
        .contains("entityID=\"" + TestIdp.SP_ENTITY_ID + "\"")
        .contains("AuthnRequestsSigned=\"true\"")
        .contains("SingleLogoutService");
  }

  @Test
  void acceptsValidityPeriodsWithinTheClockSkew() throws Exception {
    Attempt attempt =
        loginWith(
            response -> {
              Instant now = Instant.now();
              Assertion assertion = response.getAssertions().get(0);
              assertion.getConditions().setNotBefore(now.plusSeconds(45));
              assertion.getConditions().setNotOnOrAfter(now.minusSeconds(45));
              assertion
                  .getSubject()
                  .getSubjectConfirmations()
                  .get(0)
                  .getSubjectConfirmationData()
                  .setNotOnOrAfter(now.minusSeconds(45));
            });

    assertLoggedIn(attempt);
  }

  // ---- signatures ---------------------------------------------------------------------------

  @Test
  void refusesAnUnsignedResponse(CapturedOutput output) throws Exception {
    assertRefused(
        login((id, s) -> IDP.sign(TestIdp.response(id, persona()), false, false, null)), output);
  }

  @Test
  void refusesAnUnsignedAssertionInASignedResponse(CapturedOutput output) throws Exception {
    assertRefused(
        login(
            (id, browser) ->
                IDP.sign(
                    TestIdp.response(id, persona()),
                    false,
                    true,
                    SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA256)),
        output);
    assertThat(output.getAll()).contains("assertion is not signed");
  }

  @Test
  void refusesAResponseSignedByAKeyNotInTheMetadata(CapturedOutput output) throws Exception {
    assertRefused(login((id, s) -> ATTACKER.signBoth(TestIdp.response(id, persona()))), output);
  }

  @Test
  void refusesContentChangedAfterSigning(CapturedOutput output) throws Exception {
    assertRefused(
        login(
            (id, s) ->
                IDP.signBoth(TestIdp.response(id, persona()))
                    .replace(HSA_ID, "SE0000000001-A0001")),
        output);
  }

  @Test
  void refusesRsaSha1Signatures(CapturedOutput output) throws Exception {
    assertRefused(
        login(
            (id, s) ->
                IDP.sign(
                    TestIdp.response(id, persona()),
                    true,
                    true,
                    SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA1)),
        output);
  }

  @Test
  void refusesSignatureWrappingWithAForgedAssertionFirst(CapturedOutput output) throws Exception {
    // Only the genuine assertion is signed (the response is not); a forged, unsigned assertion
    // for another user is put in front of it.
    Attempt attempt =
        login(
            (id, s) -> {
              Response genuine = TestIdp.response(id, persona());
              String signed =
                  IDP.sign(genuine, true, false, SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA256);
              Map<String, String> admin = persona();
              admin.put(TestIdp.ATTR + "employeeHsaId", "SE0000000001-A0001");
              Response forged = TestIdp.response(id, admin);
              String forgedAssertion =
                  IDP.sign(forged, false, false, null)
                      .replaceAll("(?s)^.*(<saml2:Assertion.*</saml2:Assertion>).*$", "$1");
              return signed.replaceFirst("<saml2:Assertion", forgedAssertion + "<saml2:Assertion");
            });

    assertRefused(attempt, output);
  }

  @Test
  void refusesSignatureWrappingInsideASignedResponse(CapturedOutput output) throws Exception {
    // The whole response is signed; the attacker moves the signed assertion into an Extensions-like
    // position and adds his own: the count and the signature references must both catch it.
    Attempt attempt =
        login(
            (id, s) -> {
              Response response = TestIdp.response(id, persona());
              String signed = IDP.signBoth(response);
              Map<String, String> admin = persona();
              admin.put(TestIdp.ATTR + "employeeHsaId", "SE0000000001-A0001");
              String forgedAssertion =
                  IDP.sign(TestIdp.response(id, admin), false, false, null)
                      .replaceAll("(?s)^.*(<saml2:Assertion.*</saml2:Assertion>).*$", "$1");
              return signed.replace("</saml2p:Response>", forgedAssertion + "</saml2p:Response>");
            });

    assertRefused(attempt, output);
  }

  private static String firstMatch(String regex, String xml) {
    java.util.regex.Matcher matcher = java.util.regex.Pattern.compile(regex).matcher(xml);
    assertThat(matcher.find()).as(regex).isTrue();
    return matcher.group();
  }

  @Test
  void refusesSignatureWrappingWithTheSignedAssertionHiddenInExtensions(CapturedOutput output)
      throws Exception {
    Attempt attempt =
        login(
            (id, browser) -> {
              String signed =
                  IDP.sign(
                      TestIdp.response(id, persona()),
                      true,
                      false,
                      SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA256);
              String genuine = firstMatch("(?s)<saml2:Assertion.*</saml2:Assertion>", signed);
              Map<String, String> admin = persona();
              admin.put(TestIdp.ATTR + "employeeHsaId", "SE0000000001-A0001");
              String forged =
                  firstMatch(
                      "(?s)<saml2:Assertion.*</saml2:Assertion>",
                      IDP.sign(TestIdp.response(id, admin), false, false, null));
              return signed
                  .replace(genuine, forged)
                  .replaceFirst(
                      "</saml2:Issuer>",
                      "</saml2:Issuer><saml2p:Extensions>"
                          + java.util.regex.Matcher.quoteReplacement(genuine)
                          + "</saml2p:Extensions>");
            });

    assertRefused(attempt, output);
  }

  @Test
  void refusesSignatureWrappingWithACopiedSignatureAndADuplicateId(CapturedOutput output)
      throws Exception {
    // The forged assertion takes the genuine one's ID and its Signature element; the genuine
    // signed assertion is hidden in Extensions so that "#ID" can still resolve to it.
    Attempt attempt =
        login(
            (id, browser) -> {
              Response genuineResponse = TestIdp.response(id, persona());
              String signed =
                  IDP.sign(
                      genuineResponse,
                      true,
                      false,
                      SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA256);
              String genuineId = genuineResponse.getAssertions().get(0).getID();
              String genuine = firstMatch("(?s)<saml2:Assertion.*</saml2:Assertion>", signed);
              String signature = firstMatch("(?s)<ds:Signature.*?</ds:Signature>", genuine);
              Map<String, String> admin = persona();
              admin.put(TestIdp.ATTR + "employeeHsaId", "SE0000000001-A0001");
              Response forgedResponse = TestIdp.response(id, admin);
              forgedResponse.getAssertions().get(0).setID(genuineId);
              String forged =
                  firstMatch(
                          "(?s)<saml2:Assertion.*</saml2:Assertion>",
                          IDP.sign(forgedResponse, false, false, null))
                      .replaceFirst(
                          "</saml2:Issuer>",
                          "</saml2:Issuer>" + java.util.regex.Matcher.quoteReplacement(signature));
              return signed
                  .replace(genuine, forged)
                  .replaceFirst(
                      "</saml2:Issuer>",
                      "</saml2:Issuer><saml2p:Extensions>"
                          + java.util.regex.Matcher.quoteReplacement(genuine)
                          + "</saml2p:Extensions>");
            });

    assertRefused(attempt, output);
  }

  // ---- binding to our request, replay -------------------------------------------------------

  @Test
  void refusesAReplayedResponse(CapturedOutput output) throws Exception {
    Browser first = start();
    String captured = IDP.signBoth(TestIdp.response(first.requestId(), persona()));
    assertLoggedIn(post(first, captured));

    // The same response again, from the same browser: its request is used up.
    assertRefused(post(first, captured), output);
  }

  @Test
  void theReplayCacheAloneRefusesASecondUseOfAnAssertion(CapturedOutput output) throws Exception {
    // A second stored request with the same id (as if two instances held it): only the replay
    // cache in the database can tell the second post of the same response from the first.
    Browser first = start();
    Browser second = sameRequestInAnotherBrowser(first);
    String captured = IDP.signBoth(TestIdp.response(first.requestId(), persona()));

    assertLoggedIn(post(first, captured));
    assertRefused(post(second, captured), output);
    assertThat(output.getAll()).contains("assertion has been used before");
  }

  @Autowired javax.sql.DataSource dataSource;

  @Test
  void aSecondInstanceOnTheSameDatabaseFinishesLoginsAndRefusesReplays(CapturedOutput output)
      throws Exception {
    var hikari = (com.zaxxer.hikari.HikariDataSource) dataSource;
    String registration = "--spring.security.saml2.relyingparty.registration.siths.";
    try (var second =
        new org.springframework.boot.builder.SpringApplicationBuilder(
                se.samla.deviation.web.DeviationApplication.class)
            .run(
                "--spring.profiles.active=dev",
                "--server.port=0",
                "--spring.datasource.url=" + hikari.getJdbcUrl(),
                "--spring.datasource.username=" + hikari.getUsername(),
                "--spring.datasource.password=" + hikari.getPassword(),
                "--deviation.demo-data.enabled=false",
                "--deviation.scheduling.enabled=false",
                registration + "entity-id=" + TestIdp.SP_ENTITY_ID,
                registration + "acs.location=" + TestIdp.ACS,
                registration + "assertingparty.entity-id=" + TestIdp.ENTITY_ID,
                registration + "assertingparty.singlesignon.url=" + TestIdp.SSO_URL,
                registration
                    + "assertingparty.verification.credentials[0].certificate-location=file:"
                    + IDP.writeCertificate())) {
      int port =
          ((org.springframework.boot.web.context.WebServerApplicationContext) second)
              .getWebServer()
              .getPort();
      // The login starts on this instance and the IdP's answer arrives at the other one.
      Browser browser = start();
      Browser sameRequest = sameRequestInAnotherBrowser(browser);
      String captured = IDP.signBoth(TestIdp.response(browser.requestId(), persona()));

      java.net.http.HttpResponse<String> there = postTo(port, browser, captured);
      assertThat(there.statusCode()).isEqualTo(302);
      assertThat(there.headers().allValues(HttpHeaders.SET_COOKIE))
          .anyMatch(cookie -> cookie.startsWith("SESSION="));

      // The same assertion back at this instance, with a request of its own: refused.
      assertRefused(post(sameRequest, captured), output);
      assertThat(output.getAll()).contains("assertion has been used before");
    }
  }

  private static java.net.http.HttpResponse<String> postTo(int port, Browser browser, String xml)
      throws Exception {
    String form =
        "SAMLResponse="
            + java.net.URLEncoder.encode(
                TestIdp.base64(xml), java.nio.charset.StandardCharsets.UTF_8)
            + "&RelayState="
            + java.net.URLEncoder.encode(
                browser.relayState(), java.nio.charset.StandardCharsets.UTF_8);
    return java.net.http.HttpClient.newHttpClient()
        .send(
            java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create("http://localhost:" + port + "/login/saml2/sso/siths"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header(
                    "Cookie",
                    BrowserBoundAuthenticationRequests.COOKIE + "=" + browser.binding().getValue())
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(form))
                .build(),
            java.net.http.HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void refusesAResponsePostedFromAnotherBrowser(CapturedOutput output) throws Exception {
    // Login CSRF: the attacker's own valid response and RelayState, posted from the victim's
    // browser, which does not hold the attacker's binding cookie.
    Browser attacker = start();
    String response = IDP.signBoth(TestIdp.response(attacker.requestId(), persona()));
    Browser victim =
        new Browser(
            new Cookie(BrowserBoundAuthenticationRequests.COOKIE, "victims-own-value"),
            attacker.relayState(),
            attacker.requestId());

    assertRefused(post(victim, response), output);
  }

  @Autowired BrowserBoundAuthenticationRequests requests;
  @Autowired RelyingPartyRegistrationRepository registrations;

  private Browser sameRequestInAnotherBrowser(Browser first) {
    String relayState = java.util.UUID.randomUUID().toString();
    var copy =
        Saml2RedirectAuthenticationRequest.withRelyingPartyRegistration(
                registrations.findByRegistrationId("siths"))
            .id(first.requestId())
            .samlRequest("copied")
            .relayState(relayState)
            .build();
    MockHttpServletResponse response = new MockHttpServletResponse();
    requests.saveAuthenticationRequest(copy, new MockHttpServletRequest(), response);
    return new Browser(
        response.getCookie(BrowserBoundAuthenticationRequests.COOKIE),
        relayState,
        first.requestId());
  }

  @Test
  void refusesAnUnsolicitedResponse(CapturedOutput output) throws Exception {
    Response response = TestIdp.response(null, persona());
    response.setInResponseTo(null);
    response
        .getAssertions()
        .get(0)
        .getSubject()
        .getSubjectConfirmations()
        .get(0)
        .getSubjectConfirmationData()
        .setInResponseTo(null);

    assertRefused(post(null, IDP.signBoth(response)), output);
  }

  @Test
  void refusesAnInResponseToOfAnotherRequest(CapturedOutput output) throws Exception {
    assertRefused(
        login((id, s) -> IDP.signBoth(TestIdp.response("_someone-elses-request", persona()))),
        output);
  }

  // ---- validity period at the 60 s skew ------------------------------------------------------

  @Test
  void refusesAnExpiredAssertionBeyondTheSkew(CapturedOutput output) throws Exception {
    assertRefused(
        loginWith(
            response ->
                response
                    .getAssertions()
                    .get(0)
                    .getSubject()
                    .getSubjectConfirmations()
                    .get(0)
                    .getSubjectConfirmationData()
                    .setNotOnOrAfter(Instant.now().minusSeconds(75))),
        output);
  }

  @Test
  void refusesExpiredConditionsBeyondTheSkew(CapturedOutput output) throws Exception {
    assertRefused(
        loginWith(
            response ->
                response
                    .getAssertions()
                    .get(0)
                    .getConditions()
                    .setNotOnOrAfter(Instant.now().minusSeconds(75))),
        output);
  }

  @Test
  void refusesANotYetValidAssertionBeyondTheSkew(CapturedOutput output) throws Exception {
    assertRefused(
        loginWith(
            response ->
                response
                    .getAssertions()
                    .get(0)
                    .getConditions()
                    .setNotBefore(Instant.now().plusSeconds(75))),
        output);
  }

  // ---- addressing ---------------------------------------------------------------------------

  @Test
  void refusesAWrongAudience(CapturedOutput output) throws Exception {
    assertRefused(
        loginWith(
            response ->
                response
                    .getAssertions()
                    .get(0)
                    .getConditions()
                    .getAudienceRestrictions()
                    .get(0)
                    .getAudiences()
                    .get(0)
                    .setURI("https://other-sp.example/saml")),
        output);
  }

  @Test
  void refusesAWrongRecipient(CapturedOutput output) throws Exception {
    assertRefused(
        loginWith(
            response ->
                response
                    .getAssertions()
                    .get(0)
                    .getSubject()
                    .getSubjectConfirmations()
                    .get(0)
                    .getSubjectConfirmationData()
                    .setRecipient("https://other-sp.example/acs")),
        output);
  }

  @Test
  void refusesAWrongDestination(CapturedOutput output) throws Exception {
    assertRefused(
        loginWith(response -> response.setDestination("https://other-sp.example/acs")), output);
  }

  @Test
  void refusesAMissingDestination(CapturedOutput output) throws Exception {
    assertRefused(loginWith(response -> response.setDestination(null)), output);
  }

  @Test
  void refusesAWrongIssuer(CapturedOutput output) throws Exception {
    assertRefused(
        loginWith(
            response -> {
              response.getIssuer().setValue("https://evil-idp.example");
              response.getAssertions().get(0).getIssuer().setValue("https://evil-idp.example");
            }),
        output);
  }

  @Test
  void refusesAWrongAssertionIssuer(CapturedOutput output) throws Exception {
    assertRefused(
        loginWith(
            response ->
                response.getAssertions().get(0).getIssuer().setValue("https://evil.example")),
        output);
  }

  // ---- content --------------------------------------------------------------------------------

  @Test
  void refusesADoctype(CapturedOutput output) throws Exception {
    assertRefused(
        login(
            (id, s) ->
                IDP.signBoth(TestIdp.response(id, persona()))
                    .replaceFirst(
                        "<saml2p:Response",
                        "<!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><saml2p:Response")
                    .replace("Lindqvist", "&x;")),
        output);
  }

  @Test
  void refusesAnXsltTransformInTheSignature(CapturedOutput output) throws Exception {
    String xslt =
        "<ds:Transform Algorithm=\"http://www.w3.org/TR/1999/REC-xslt-19991116\">"
            + "<xsl:stylesheet version=\"1.0\" xmlns:xsl=\"http://www.w3.org/1999/XSL/Transform\">"
            + "<xsl:template match=\"/\"><xsl:value-of select=\"system-property('java.version')\"/>"
            + "</xsl:template></xsl:stylesheet></ds:Transform>";
    assertRefused(
        login(
            (id, s) ->
                IDP.signBoth(TestIdp.response(id, persona()))
                    .replaceFirst("<ds:Transforms>", "<ds:Transforms>" + xslt)),
        output);
  }

  @Test
  void refusesAnAttackerEncryptedAssertionInAnUnsignedResponse(CapturedOutput output)
      throws Exception {
    assertRefused(
        login((id, s) -> ATTACKER.encrypt(TestIdp.response(id, persona()), true, false)), output);
    assertRefused(
        login((id, s) -> ATTACKER.encrypt(TestIdp.response(id, persona()), false, false)), output);
  }

  @Test
  void refusesARelayStatePointingElsewhere(CapturedOutput output) throws Exception {
    Browser browser = start();
    String response = IDP.signBoth(TestIdp.response(browser.requestId(), persona()));
    Attempt attempt =
        post(
            new Browser(browser.binding(), "https://evil.example.com/steal", browser.requestId()),
            response);

    assertRefused(attempt, output);
    assertThat(attempt.result().getResponse().getHeader(HttpHeaders.LOCATION))
        .as("never sent on to the RelayState")
        .satisfiesAnyOf(
            location -> assertThat(location).isNull(),
            location -> assertThat(location).doesNotContain("evil.example.com"));
  }

  @Test
  void neverTruncatesTheUserKeyAtAComment(CapturedOutput output) throws Exception {
    // The IdP asserted SE0000000001-P0101X; a truncating parser would make that P0101.
    Attempt attempt =
        login(
            (id, s) -> {
              Map<String, String> attributes = persona();
              attributes.put(TestIdp.ATTR + "employeeHsaId", HSA_ID + "X");
              return IDP.signBoth(TestIdp.response(id, attributes))
                  .replace(HSA_ID + "X<", HSA_ID + "<!---->X<");
            });

    SecurityContext context = attempt.context();
    if (context != null && context.getAuthentication() != null) {
      assertThat(context.getAuthentication().getName()).isEqualTo(HSA_ID + "X");
    } else {
      assertRefused(attempt, output);
    }
  }

  @Test
  void refusesACommentInTheNameId(CapturedOutput output) throws Exception {
    Attempt attempt =
        login(
            (id, s) ->
                IDP.signBoth(TestIdp.response(id, persona()))
                    .replace("_transient-", "_transient<!---->-"));

    // The NameID is not the user key: whatever the comment does, the user is the HSA-id.
    SecurityContext context = attempt.context();
    if (context != null && context.getAuthentication() != null) {
      assertThat(context.getAuthentication().getName()).isEqualTo(HSA_ID);
    }
  }

  @Test
  void refusesLoa2(CapturedOutput output) throws Exception {
    assertRefused(loginWithLoa("http://id.sambi.se/loa/loa2"), output);
  }

  @Test
  void refusesUnspecifiedLoa(CapturedOutput output) throws Exception {
    assertRefused(loginWithLoa("urn:oasis:names:tc:SAML:2.0:ac:classes:unspecified"), output);
  }

  private Attempt loginWithLoa(String loa) throws Exception {
    return loginWith(
        response ->
            response
                .getAssertions()
                .get(0)
                .getAuthnStatements()
                .get(0)
                .getAuthnContext()
                .getAuthnContextClassRef()
                .setURI(loa));
  }

  @Test
  void refusesTwoAssertions(CapturedOutput output) throws Exception {
    Attempt attempt =
        loginWith(
            response -> {
              String id = response.getInResponseTo();
              response.getAssertions().add(TestIdp.assertion(id, persona(), Instant.now()));
            });

    assertRefused(attempt, output);
  }

  @Test
  void refusesAnInvalidHsaId(CapturedOutput output) throws Exception {
    Map<String, String> attributes = persona();
    attributes.put(TestIdp.ATTR + "employeeHsaId", "197001011234");

    assertRefused(login((id, s) -> IDP.signBoth(TestIdp.response(id, attributes))), output);
  }

  @Test
  void matchesAttributesByNameNotByFriendlyName(CapturedOutput output) throws Exception {
    Map<String, String> attributes = persona();
    attributes.remove(TestIdp.ATTR + "employeeHsaId");
    Attempt attempt =
        login(
            (id, s) -> {
              Response response = TestIdp.response(id, attributes);
              Attribute confusing = TestIdp.attribute("urn:oid:2.5.4.3", "SE0000000001-A0001");
              confusing.setFriendlyName("employeeHsaId");
              response
                  .getAssertions()
                  .get(0)
                  .getAttributeStatements()
                  .get(0)
                  .getAttributes()
                  .add(confusing);
              return IDP.signBoth(response);
            });

    assertRefused(attempt, output);
  }

  @Test
  void refusesTwoValuesForTheUserKey(CapturedOutput output) throws Exception {
    Attempt attempt =
        loginWith(
            response ->
                response
                    .getAssertions()
                    .get(0)
                    .getAttributeStatements()
                    .get(0)
                    .getAttributes()
                    .add(TestIdp.attribute(TestIdp.ATTR + "employeeHsaId", "SE0000000001-A0001")));

    assertRefused(attempt, output);
  }

  // ---- single logout (Redirect binding) ----------------------------------------------------

  /** A logged-in browser: its session cookie and the transient NameID the IdP issued. */
  record LoggedIn(Cookie session, String nameId) {
    String sessionId() {
      return new String(
          java.util.Base64.getDecoder().decode(session.getValue()),
          java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  LoggedIn loggedIn() throws Exception {
    String[] nameId = new String[1];
    Attempt attempt =
        login(
            (id, browser) -> {
              Response response = TestIdp.response(id, persona());
              nameId[0] = response.getAssertions().get(0).getSubject().getNameID().getValue();
              return IDP.signBoth(response);
            });
    assertLoggedIn(attempt);
    return new LoggedIn(attempt.result().getResponse().getCookie("SESSION"), nameId[0]);
  }

  boolean stillLoggedIn(LoggedIn browser) {
    Session session = sessions.findById(browser.sessionId());
    return session != null
        && session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY)
            != null;
  }

  @Test
  void logoutSendsASignedLogoutRequestWithTheIdpsNameIdToTheIdp() throws Exception {
    LoggedIn browser = loggedIn();

    MvcResult logout =
        mvc.perform(
                MockMvcRequestBuilders.post("/logout")
                    .cookie(browser.session())
                    .with(
                        org.springframework.security.test.web.servlet.request
                            .SecurityMockMvcRequestPostProcessors.csrf()))
            .andReturn();

    String location = logout.getResponse().getRedirectedUrl();
    assertThat(location).startsWith(IDP_SLO + "?SAMLRequest=").contains("Signature=");
    assertThat(TestIdp.authnRequestXml(location))
        .contains("LogoutRequest")
        .contains(browser.nameId())
        .doesNotContain(HSA_ID);
    assertThat(stillLoggedIn(browser)).isFalse();
  }

  @Test
  void theIdpsSignedLogoutRequestEndsTheSession() throws Exception {
    LoggedIn browser = loggedIn();

    MvcResult result =
        mvc.perform(
                get(java.net.URI.create(
                        "/logout/saml2/slo?"
                            + TestIdp.logoutRequestQuery(IDP, browser.nameId(), SP_SLO)))
                    .cookie(browser.session()))
            .andReturn();

    assertThat(result.getResponse().getRedirectedUrl())
        .as(
            result.getResponse().getStatus()
                + " "
                + result.getResponse().getHeaderNames()
                + result.getResponse().getContentAsString())
        .startsWith(IDP_SLO + "?SAMLResponse=");
    assertThat(stillLoggedIn(browser)).isFalse();
  }

  @Test
  void refusesAForgedLogoutRequest(CapturedOutput output) throws Exception {
    LoggedIn browser = loggedIn();

    for (TestIdp forger : new TestIdp[] {ATTACKER, null}) {
      MvcResult result =
          mvc.perform(
                  get(java.net.URI.create(
                          "/logout/saml2/slo?"
                              + TestIdp.logoutRequestQuery(forger, browser.nameId(), SP_SLO)))
                      .cookie(browser.session()))
              .andReturn();

      assertThat(result.getResponse().getStatus()).isGreaterThanOrEqualTo(400);
      assertThat(stillLoggedIn(browser)).isTrue();
    }
    assertThat(output.getAll()).contains("SAML logout request refused");
  }

  @Test
  void refusesAnOversizedResponse() throws Exception {
    String padding = "x".repeat(300_000);
    Attempt attempt =
        login(
            (id, s) ->
                IDP.signBoth(TestIdp.response(id, persona()))
                    .replace("</saml2p:Response>", "<!--" + padding + "--></saml2p:Response>"));

    assertThat(attempt.result().getResponse().getStatus()).isEqualTo(413);
    assertThat(attempt.context()).isNull();
  }
}
