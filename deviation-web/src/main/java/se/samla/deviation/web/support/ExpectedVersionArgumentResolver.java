package se.samla.deviation.web.support;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Gives controller methods the {@link ExpectedVersion} named by the request's If-Match header. */
@Component
class ExpectedVersionArgumentResolver implements HandlerMethodArgumentResolver {

  @Override
  public boolean supportsParameter(MethodParameter parameter) {
    return ExpectedVersion.class.equals(parameter.getParameterType());
  }

  @Override
  public ExpectedVersion resolveArgument(
      MethodParameter parameter,
      ModelAndViewContainer mavContainer,
      NativeWebRequest webRequest,
      WebDataBinderFactory binderFactory) {
    return ExpectedVersion.parse(webRequest.getHeader(HttpHeaders.IF_MATCH));
  }
}
