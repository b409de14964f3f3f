package se.samla.deviation.web.security;

import jakarta.servlet.DispatcherType;
import org.springframework.boot.actuate.autoconfigure.security.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.savedrequest.NullRequestCache;

/**
 * The one filter chain. Until SITHS login arrives (DESIGN section 6) only the health, info and
 * Prometheus endpoints are open; every other request is refused, so nothing that shows a deviation
 * can be reached. Refusals are RFC 9457 problem details, never a login form or a redirect.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

  static final String CONTENT_SECURITY_POLICY = "default-src 'self'; frame-ancestors 'none'";
  private static final int ONE_YEAR_SECONDS = 365 * 24 * 60 * 60;

  @Bean
  SecurityFilterChain securityFilterChain(HttpSecurity http, ProblemDetailResponses problems)
      throws Exception {
    http.authorizeHttpRequests(
            requests ->
                requests
                    // Error dispatches only render the (stack-trace-free) error of a request that
                    // was already authorized.
                    .dispatcherTypeMatchers(DispatcherType.ERROR)
                    .permitAll()
                    .requestMatchers(EndpointRequest.to("health", "info", "prometheus"))
                    .permitAll()
                    // ---- REST API (feat/api) ----
                    .requestMatchers(ApiSecurity.OPEN_DOCUMENTATION)
                    .permitAll()
                    .requestMatchers(ApiSecurity.SITHS_ONLY)
                    .access(ApiSecurity.sithsSession())
                    // ---- end REST API ----
                    .anyRequest()
                    .denyAll())
        // ---- REST API (feat/api): CSRF token in the XSRF-TOKEN cookie ----
        .csrf(ApiSecurity::csrf)
        .addFilterAfter(new ApiSecurity.CsrfCookieFilter(), AuthorizationFilter.class)
        // ---- end REST API ----
        .exceptionHandling(
            exceptions ->
                exceptions
                    .authenticationEntryPoint(problems::unauthorized)
                    .accessDeniedHandler(problems::forbidden))
        .formLogin(AbstractHttpConfigurer::disable)
        .httpBasic(AbstractHttpConfigurer::disable)
        .logout(AbstractHttpConfigurer::disable)
        // No session for refused anonymous requests; the SAML login will bring its own.
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
}
