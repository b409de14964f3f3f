package se.samla.deviation.web.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses oversized posts to the SAML endpoints before any XML is parsed: a SITHS response is a few
 * kilobytes, and parsing and canonicalising megabytes is a cheap denial of service.
 */
final class SamlResponseSizeFilter extends OncePerRequestFilter {

  private final int maxBytes;

  SamlResponseSizeFilter(int maxBytes) {
    this.maxBytes = maxBytes;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return !(path.startsWith("/login/saml2/") || path.startsWith("/logout/saml2/"));
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (request.getContentLengthLong() > maxBytes
        || tooLong(request, "SAMLResponse")
        || tooLong(request, "SAMLRequest")) {
      SamlLoginFailureHandler.SECURITY_LOG.warn(
          "SAML message refused: larger than {} bytes", maxBytes);
      response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
      return;
    }
    chain.doFilter(request, response);
  }

  private boolean tooLong(HttpServletRequest request, String parameter) {
    String value = request.getParameter(parameter);
    return value != null && value.length() > maxBytes;
  }
}
