package se.samla.deviation.core.deviation.infrastructure;

import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** Case numbers look like {@code SAMLA-2026-000123}; the prefix is configurable. */
@Validated
@ConfigurationProperties(prefix = "deviation.case-number")
public record CaseNumberProperties(
    @DefaultValue("SAMLA")
        @Pattern(regexp = "[A-Z][A-Z0-9]{1,11}", message = "2–12 capital letters or digits")
        String prefix) {}
