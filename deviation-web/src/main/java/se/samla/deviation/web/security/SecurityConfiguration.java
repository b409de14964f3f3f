package se.samla.deviation.web.security;

import jakarta.servlet.DispatcherType;
import java.util.LinkedHashMap;
import java.util.Set;
import org.opensaml.saml.common.xml.SAMLConstants;
import org.opensaml.saml.saml2.metadata.SPSSODescriptor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.autoconfigure.security.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.saml2.provider.service.authentication.OpenSaml4AuthenticationProvider;
import org.springframework.security.saml2.provider.service.metadata.OpenSaml4MetadataResolver;
import org.springframework.security.saml2.provider.service.metadata.RequestMatcherMetadataResponseResolver;
import org.springframework.security.saml2.provider.service.registration.RelyingPartyRegistrationRepository;
import org.springframework.security.saml2.provider.service.web.authentication.OpenSaml4AuthenticationRequestResolver;
import org.springframework.security.saml2.provider.service.web.authentication.Saml2WebSsoAuthenticationFilter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.access.RequestMatcherDelegatingAccessDeniedHandler;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.DelegatingAuthenticationEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.savedrequest.NullRequestCache;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.accept.HeaderContentNegotiationStrategy;

/**
 * The one filter chain. Health, info and Prometheus are open; everything else needs a SITHS login
 * over SAML (docs/architecture.md#login, registration {@code siths}). A browser asking for HTML
 * without a session is sent to the IdP; API calls ({@code /api/**}, or anything not asking for
 * HTML) get an RFC 9457 problem detail, never a login redirect.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

  static final String CONTENT_SECURITY_POLICY = "default-src 'self'; frame-ancestors 'none'";
  static final String LOGIN_URL = "/saml2/authenticate/" + SamlLoginConfiguration.REGISTRATION_ID;

  /** The pages' static resources: open, as they hold no data. */
  static final String[] STATIC_RESOURCES = {
    "/css/**", "/js/**", "/webjars/**", "/images/**", "/favicon.ico"
  };

  private static final int ONE_YEAR_SECONDS = 365 * 24 * 60 * 60;

  @Bean
  SecurityFilterChain securityFilterChain(
      HttpSecurity http,
      ProblemDetailResponses problems,
      OpenSaml4AuthenticationProvider samlProvider,
      OpenSaml4AuthenticationRequestResolver authenticationRequestResolver,
      SamlLoginFailureHandler loginFailureHandler,
      SecurityProperties properties,
      RelyingPartyRegistrationRepository registrations,
      @Value("${deviation.dev-idp.enabled:false}") boolean devIdp)
      throws Exception {
    OpenSaml4MetadataResolver spMetadata = new OpenSaml4MetadataResolver();
    spMetadata.setEntityDescriptorCustomizer(
        parameters -> {
          SPSSODescriptor sp =
              parameters.getEntityDescriptor().getSPSSODescriptor(SAMLConstants.SAML20P_NS);
          sp.setAuthnRequestsSigned(true);
          sp.setWantAssertionsSigned(true);
        });
    RequestMatcherMetadataResponseResolver metadataResolver =
        new RequestMatcherMetadataResponseResolver(registrations, spMetadata);
    http.authorizeHttpRequests(
            requests ->
                requests
                    // Error dispatches only render the (stack-trace-free) error of a request that
                    // was already authorized.
                    .dispatcherTypeMatchers(DispatcherType.ERROR)
                    .permitAll()
                    .requestMatchers(EndpointRequest.to("health", "info", "prometheus"))
                    .permitAll()
                    .requestMatchers("/saml2/service-provider-metadata/**")
                    .permitAll()
                    // The development IdP's pages exist only in the dev profile (DevIdpGuard).
                    .requestMatchers(devIdp ? "/dev-idp/**" : "/saml2/service-provider-metadata/**")
                    .permitAll()
                    // The OpenAPI document describes the API, not data.
                    .requestMatchers(ApiSecurity.OPEN_DOCUMENTATION)
                    .permitAll()
                    // Styles, scripts and images of the pages hold no data.
                    .requestMatchers(STATIC_RESOURCES)
                    .permitAll()
                    // The API and every page, present or to come, need a SITHS session.
                    .anyRequest()
                    .access(ApiSecurity.sithsSession()))
        .saml2Login(
            saml ->
                saml.authenticationManager(new ProviderManager(samlProvider))
                    .authenticationRequestResolver(authenticationRequestResolver)
                    .failureHandler(loginFailureHandler)
                    .defaultSuccessUrl("/", true))
        .saml2Logout(
            logout ->
                logout.logoutRequest(
                    request ->
                        request
                            .logoutRequestResolver(SamlLogout.requestResolver(registrations))
                            .logoutRequestValidator(SamlLogout.requestValidator())))
        .saml2Metadata(metadata -> metadata.metadataResponseResolver(metadataResolver))
        .addFilterBefore(
            new SamlResponseSizeFilter(properties.maxResponseBytes()),
            Saml2WebSsoAuthenticationFilter.class)
        // CSRF for scripts: the token in the XSRF-TOKEN cookie, echoed in X-XSRF-TOKEN.
        .csrf(ApiSecurity::csrf)
        .addFilterAfter(new ApiSecurity.CsrfCookieFilter(), AuthorizationFilter.class)
        .exceptionHandling(
            exceptions ->
                exceptions
                    .authenticationEntryPoint(entryPoint(problems))
                    .accessDeniedHandler(accessDeniedHandler(problems)))
        .formLogin(AbstractHttpConfigurer::disable)
        .httpBasic(AbstractHttpConfigurer::disable)
        // After login the browser goes to the start page, not to a remembered request.
        .requestCache(cache -> cache.requestCache(new NullRequestCache()))
        .headers(
            headers ->
                headers
                    .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                    .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                    .frameOptions(frame -> frame.deny())
                    .httpStrictTransportSecurity(
                        hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(ONE_YEAR_SECONDS)));
    return http.build();
  }

  /** Browser pages go to the IdP; the API and everything else get a 401 problem detail. */
  private static AuthenticationEntryPoint entryPoint(ProblemDetailResponses problems) {
    LinkedHashMap<RequestMatcher, AuthenticationEntryPoint> entryPoints = new LinkedHashMap<>();
    entryPoints.put(browserPage(), new LoginUrlAuthenticationEntryPoint(LOGIN_URL));
    DelegatingAuthenticationEntryPoint delegating =
        new DelegatingAuthenticationEntryPoint(entryPoints);
    delegating.setDefaultEntryPoint(problems::unauthorized);
    return delegating;
  }

  /**
   * A browser page gets the friendly 403 page (an error dispatch to the error controller, e.g. for
   * a form posted without its CSRF token); the API and everything else a 403 problem detail.
   */
  private static AccessDeniedHandler accessDeniedHandler(ProblemDetailResponses problems) {
    LinkedHashMap<RequestMatcher, AccessDeniedHandler> handlers = new LinkedHashMap<>();
    handlers.put(browserPage(), new AccessDeniedHandlerImpl());
    return new RequestMatcherDelegatingAccessDeniedHandler(handlers, problems::forbidden);
  }

  /** Not under {@code /api/}, and asking for HTML by name (not just by {@code *}{@code /*}). */
  private static RequestMatcher browserPage() {
    MediaTypeRequestMatcher wantsHtml =
        new MediaTypeRequestMatcher(new HeaderContentNegotiationStrategy(), MediaType.TEXT_HTML);
    wantsHtml.setIgnoredMediaTypes(Set.of(MediaType.ALL));
    wantsHtml.setUseEquals(true);
    RequestMatcher api =
        request ->
            request
                .getRequestURI()
                .substring(request.getContextPath().length())
                .startsWith("/api/");
    return new AndRequestMatcher(new NegatedRequestMatcher(api), wantsHtml);
  }
}
