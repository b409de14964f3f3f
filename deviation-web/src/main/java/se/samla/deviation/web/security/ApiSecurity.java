package se.samla.deviation.web.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.function.Supplier;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.CsrfConfigurer;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.csrf.CsrfTokenRequestHandler;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;
import org.springframework.util.StringUtils;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The REST API's part of the filter chain, kept apart from the login's: the SITHS session check
 * (which the pages share), the open API documentation, and CSRF for single-page scripts (Spring
 * Security's SPA recipe).
 */
final class ApiSecurity {

  /** The OpenAPI document (and its UI) describe the API, not data: open. */
  static final String[] OPEN_DOCUMENTATION = {
    "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**"
  };

  private ApiSecurity() {}

  /**
   * Granted only to an authenticated SITHS login; anonymous callers get 401 (a browser page: the
   * login), any other authentication 403.
   */
  static AuthorizationManager<RequestAuthorizationContext> sithsSession() {
    return (Supplier<Authentication> authentication, RequestAuthorizationContext context) -> {
      Authentication a = authentication.get();
      return new AuthorizationDecision(
          a != null && a.isAuthenticated() && a.getPrincipal() instanceof SithsPrincipal);
    };
  }

  /**
   * State-changing calls carry the {@code XSRF-TOKEN} cookie's value in {@code X-XSRF-TOKEN}. The
   * cookie is readable by scripts; the header is what an attacker's page cannot set.
   */
  static void csrf(CsrfConfigurer<HttpSecurity> csrf) {
    csrf.csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse())
        .csrfTokenRequestHandler(new SpaCsrfTokenRequestHandler());
  }

  /**
   * Renders the token BREACH-safe (XOR-masked) for server pages, and accepts the raw cookie value
   * that scripts copy into the header.
   */
  static final class SpaCsrfTokenRequestHandler implements CsrfTokenRequestHandler {
    private final CsrfTokenRequestHandler plain = new CsrfTokenRequestAttributeHandler();
    private final CsrfTokenRequestHandler xor = new XorCsrfTokenRequestAttributeHandler();

    @Override
    public void handle(
        HttpServletRequest request, HttpServletResponse response, Supplier<CsrfToken> csrfToken) {
      xor.handle(request, response, csrfToken);
    }

    @Override
    public String resolveCsrfTokenValue(HttpServletRequest request, CsrfToken csrfToken) {
      String header = request.getHeader(csrfToken.getHeaderName());
      return (StringUtils.hasText(header) ? plain : xor).resolveCsrfTokenValue(request, csrfToken);
    }
  }

  /**
   * Makes sure an authorized request's response carries the XSRF-TOKEN cookie. It runs after
   * authorization, so refused (anonymous) requests get no cookie.
   */
  static final class CsrfCookieFilter extends OncePerRequestFilter {
    @Override
    protected void doFilterInternal(
        HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
      if (token != null) {
        token.getToken();
      }
      chain.doFilter(request, response);
    }
  }
}
