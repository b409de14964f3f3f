package se.samla.deviation.laptop.demo;

import static se.samla.deviation.laptop.demo.DemoLandscape.UnitType.ELDERLY_HOUSING;
import static se.samla.deviation.laptop.demo.DemoLandscape.UnitType.EMERGENCY;
import static se.samla.deviation.laptop.demo.DemoLandscape.UnitType.HOME_CARE;
import static se.samla.deviation.laptop.demo.DemoLandscape.UnitType.SHORT_TERM;
import static se.samla.deviation.laptop.demo.DemoLandscape.UnitType.WARD;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import se.samla.deviation.core.deviation.domain.Consequence;
import se.samla.deviation.laptop.demo.DemoLandscape.UnitType;

/**
 * Realistic Swedish texts for the demo deviations: what happened, and what the answer said. The
 * texts are data, read from {@value #RESOURCE}; the order of every list there is part of what a
 * seed gives.
 */
record DemoTexts(
    List<Template> templates,
    Generic generic,
    List<InformationRequest> informationRequests,
    List<String> returnReasons,
    List<String> resubmitComments,
    List<String> withdrawReasons,
    List<String> forwardReasons,
    List<String> disputeReasons,
    List<String> internalComments,
    List<String> sharedComments,
    String reanswerPrefix) {

  static final String RESOURCE = "demo/deviation-texts.yml";

  private static final Set<UnitType> HOSPITAL = EnumSet.of(WARD, EMERGENCY);
  private static final Set<UnitType> MUNICIPAL = EnumSet.of(HOME_CARE, SHORT_TERM, ELDERLY_HOUSING);

  /**
   * A kind of deviation: which units report it to which, how it reads and how it is answered.
   *
   * @param consequence the typical consequence; the generator varies it by one step
   * @param aboutPatient whether it concerns one patient (and so may carry a personnummer)
   */
  record Template(
      String categoryCode,
      Set<UnitType> from,
      Set<UnitType> to,
      Consequence consequence,
      boolean aboutPatient,
      String description,
      String immediateActions,
      String agreementReference,
      String investigation,
      String causes,
      String measures) {}

  /** The text for a category without a template; {@code {category}} stands for its label. */
  record Generic(
      String agreementReference,
      String description,
      String immediateActions,
      String investigation,
      String causes,
      String measures) {}

  /** A handler's question to the reporter and the reporter's answer. */
  record InformationRequest(String question, String answer) {}

  /** The texts as shipped with the application. */
  static DemoTexts load() {
    return load(RESOURCE);
  }

  static DemoTexts load(String resource) {
    try (InputStream in = DemoTexts.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("demo texts " + resource + " not on the class path");
      }
      return new ObjectMapper(new YAMLFactory()).readValue(in, TextFile.class).resolve();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read demo texts " + resource, e);
    }
  }

  /** A generic text for a category that has no template (a category added later). */
  Template generic(String categoryCode, String label, boolean fromRegion) {
    return new Template(
        categoryCode,
        fromRegion ? HOSPITAL : MUNICIPAL,
        fromRegion ? MUNICIPAL : HOSPITAL,
        Consequence.MINOR,
        false,
        generic.description().replace("{category}", label.toLowerCase(Locale.ROOT)),
        generic.immediateActions(),
        generic.agreementReference(),
        generic.investigation(),
        generic.causes(),
        generic.measures());
  }

  /** The file as written: templates name their agreement by a key of {@code agreements}. */
  private record TextFile(
      Map<String, String> agreements,
      List<TemplateEntry> templates,
      GenericEntry generic,
      List<InformationRequest> informationRequests,
      List<String> returnReasons,
      List<String> resubmitComments,
      List<String> withdrawReasons,
      List<String> forwardReasons,
      List<String> disputeReasons,
      List<String> internalComments,
      List<String> sharedComments,
      String reanswerPrefix) {

    DemoTexts resolve() {
      List<Template> resolved =
          templates.stream()
              .map(
                  t ->
                      new Template(
                          t.category(),
                          Set.copyOf(t.from()),
                          Set.copyOf(t.to()),
                          t.consequence(),
                          t.aboutPatient(),
                          t.description(),
                          t.immediateActions(),
                          agreement(t.agreement()),
                          t.investigation(),
                          t.causes(),
                          t.measures()))
              .toList();
      return new DemoTexts(
          resolved,
          new Generic(
              agreement(generic.agreement()),
              generic.description(),
              generic.immediateActions(),
              generic.investigation(),
              generic.causes(),
              generic.measures()),
          List.copyOf(informationRequests),
          List.copyOf(returnReasons),
          List.copyOf(resubmitComments),
          List.copyOf(withdrawReasons),
          List.copyOf(forwardReasons),
          List.copyOf(disputeReasons),
          List.copyOf(internalComments),
          List.copyOf(sharedComments),
          reanswerPrefix);
    }

    private String agreement(String key) {
      String text = agreements.get(key);
      if (text == null) {
        throw new IllegalStateException("demo texts name an unknown agreement " + key);
      }
      return text;
    }
  }

  private record TemplateEntry(
      String category,
      Set<UnitType> from,
      Set<UnitType> to,
      Consequence consequence,
      boolean aboutPatient,
      String agreement,
      String description,
      String immediateActions,
      String investigation,
      String causes,
      String measures) {}

  private record GenericEntry(
      String agreement,
      String description,
      String immediateActions,
      String investigation,
      String causes,
      String measures) {}
}
