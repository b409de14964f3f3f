package se.samla.deviation.web.security;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Login and access settings (docs/architecture.md#login and #configuration-names).
 *
 * @param acceptedLoa levels of assurance accepted from the IdP (and requested, exactly)
 * @param bootstrapAdmins employee HSA-ids that are administrators regardless of appointments
 * @param attributes the SAML attribute names the IdP releases (Inera's URI names by default)
 * @param clockSkew tolerated clock difference to the IdP when checking validity periods
 * @param maxResponseBytes the largest SAML response (base64 as posted) that is parsed at all
 */
@ConfigurationProperties(prefix = "deviation.security")
public record SecurityProperties(
    @DefaultValue("http://id.sambi.se/loa/loa3") List<String> acceptedLoa,
    @DefaultValue Set<String> bootstrapAdmins,
    @DefaultValue Attributes attributes,
    @DefaultValue("60s") Duration clockSkew,
    @DefaultValue("262144") int maxResponseBytes) {

  public SecurityProperties {
    acceptedLoa = List.copyOf(acceptedLoa);
    bootstrapAdmins = bootstrapAdmins == null ? Set.of() : Set.copyOf(bootstrapAdmins);
  }

  /**
   * The attribute names, one table, so that an IdP with other names (for example Sweden Connect's
   * OIDs) can be added by configuration. The level of assurance is read from the assertion's {@code
   * AuthnContextClassRef}, not from an attribute.
   */
  public record Attributes(
      @DefaultValue("http://sambi.se/attributes/1/employeeHsaId") String employeeHsaId,
      @DefaultValue("http://sambi.se/attributes/1/givenName") String givenName,
      @DefaultValue("http://sambi.se/attributes/1/surname") String surname,
      @DefaultValue("http://sambi.se/attributes/1/mail") String mail,
      @DefaultValue("http://sambi.se/attributes/1/healthCareProviderHsaId")
          String healthCareProviderHsaId,
      @DefaultValue("http://sambi.se/attributes/1/healthCareProviderName")
          String healthCareProviderName,
      @DefaultValue("http://sambi.se/attributes/1/healthCareUnitHsaId") String healthCareUnitHsaId,
      @DefaultValue("http://sambi.se/attributes/1/healthCareUnitName") String healthCareUnitName,
      @DefaultValue("http://sambi.se/attributes/1/commissionHsaId") String commissionHsaId,
      @DefaultValue("http://sambi.se/attributes/1/commissionPurpose") String commissionPurpose) {

    private static final String INERA_PREFIX = "http://sambi.se/attributes/1/";

    /** Inera's names, the defaults. */
    public static final Attributes INERA =
        new Attributes(
            INERA_PREFIX + "employeeHsaId",
            INERA_PREFIX + "givenName",
            INERA_PREFIX + "surname",
            INERA_PREFIX + "mail",
            INERA_PREFIX + "healthCareProviderHsaId",
            INERA_PREFIX + "healthCareProviderName",
            INERA_PREFIX + "healthCareUnitHsaId",
            INERA_PREFIX + "healthCareUnitName",
            INERA_PREFIX + "commissionHsaId",
            INERA_PREFIX + "commissionPurpose");
  }
}
