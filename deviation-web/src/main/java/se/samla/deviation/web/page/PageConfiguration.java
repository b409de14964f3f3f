package se.samla.deviation.web.page;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

/**
 * The pages' language: Swedish ({@code messages_sv.properties}) unless the browser asks for English
 * ({@code messages_en.properties}); any other language gets Swedish, so {@code <html lang>} always
 * names the language the page is written in.
 */
@Configuration(proxyBeanMethods = false)
public class PageConfiguration implements WebMvcConfigurer {

  public static final Locale SWEDISH = Locale.forLanguageTag("sv");
  public static final List<Locale> LANGUAGES = List.of(SWEDISH, Locale.ENGLISH);

  @Bean
  MessageSource messageSource() {
    ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
    messages.setBasename("messages");
    messages.setDefaultEncoding(StandardCharsets.UTF_8.name());
    messages.setDefaultLocale(SWEDISH);
    // A text missing in English shows as ??key?? (a test can find it), not in the server's
    // language.
    messages.setFallbackToSystemLocale(false);
    return messages;
  }

  @Bean
  LocaleResolver localeResolver() {
    AcceptHeaderLocaleResolver resolver = new AcceptHeaderLocaleResolver();
    resolver.setSupportedLocales(LANGUAGES);
    resolver.setDefaultLocale(SWEDISH);
    return resolver;
  }
}
