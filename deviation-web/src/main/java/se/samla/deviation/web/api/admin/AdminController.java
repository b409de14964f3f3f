package se.samla.deviation.web.api.admin;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import se.samla.deviation.core.access.domain.Actor;
import se.samla.deviation.core.common.application.NotPermittedException;
import se.samla.deviation.core.organisation.application.MasterData;
import se.samla.deviation.core.organisation.application.MasterDataImport;
import se.samla.deviation.core.organisation.application.MasterDataImport.ImportResult;
import se.samla.deviation.core.organisation.domain.CoordinatorAppointment;
import se.samla.deviation.core.organisation.domain.HandlerAppointment;
import se.samla.deviation.core.organisation.domain.Organisation;
import se.samla.deviation.core.organisation.domain.OrganisationKind;
import se.samla.deviation.core.organisation.domain.Unit;

/** Master data and appointments, for administrators only (403 for everyone else). */
@RestController
@RequestMapping("/api/v1/admin")
class AdminController {

  record OrganisationBody(String hsaId, String name, OrganisationKind kind) {}

  record UnitBody(String hsaId, String name, String organisationHsaId, Boolean active) {}

  record AppointmentBody(String name, String email) {}

  record OrganisationResponse(String hsaId, String name, OrganisationKind kind) {
    static OrganisationResponse of(Organisation o) {
      return new OrganisationResponse(o.hsaId(), o.name(), o.kind());
    }
  }

  record UnitResponse(String hsaId, String name, String organisationHsaId, boolean active) {
    static UnitResponse of(Unit u) {
      return new UnitResponse(u.hsaId(), u.name(), u.organisationHsaId(), u.active());
    }
  }

  record HandlerAppointmentResponse(
      String unitHsaId, String personHsaId, String name, String email) {
    static HandlerAppointmentResponse of(HandlerAppointment a) {
      return new HandlerAppointmentResponse(
          a.unitHsaId(), a.person().hsaId(), a.person().name(), a.email());
    }
  }

  record CoordinatorResponse(
      String organisationHsaId, String personHsaId, String name, String email) {
    static CoordinatorResponse of(CoordinatorAppointment a) {
      return new CoordinatorResponse(
          a.organisationHsaId(), a.person().hsaId(), a.person().name(), a.email());
    }
  }

  private final MasterData masterData;
  private final MasterDataImport masterDataImport;
  private final ImportParser parser;

  AdminController(MasterData masterData, MasterDataImport masterDataImport, ImportParser parser) {
    this.masterData = masterData;
    this.masterDataImport = masterDataImport;
    this.parser = parser;
  }

  @GetMapping("/organisations")
  List<OrganisationResponse> organisations(Actor actor) {
    return masterData.organisations(actor).stream().map(OrganisationResponse::of).toList();
  }

  @PostMapping("/organisations")
  ResponseEntity<OrganisationResponse> createOrganisation(
      Actor actor, @RequestBody OrganisationBody body) {
    requireAdmin(actor);
    Organisation saved = masterData.saveOrganisation(actor, body.hsaId(), body.name(), body.kind());
    return ResponseEntity.created(URI.create("/api/v1/admin/organisations/" + saved.hsaId()))
        .body(OrganisationResponse.of(saved));
  }

  @PutMapping("/organisations/{hsaId}")
  OrganisationResponse saveOrganisation(
      Actor actor, @PathVariable String hsaId, @RequestBody OrganisationBody body) {
    return OrganisationResponse.of(
        masterData.saveOrganisation(actor, hsaId, body.name(), body.kind()));
  }

  @GetMapping("/units")
  List<UnitResponse> units(Actor actor) {
    return masterData.units(actor).stream().map(UnitResponse::of).toList();
  }

  @PostMapping("/units")
  ResponseEntity<UnitResponse> createUnit(Actor actor, @RequestBody UnitBody body) {
    requireAdmin(actor);
    Unit saved =
        masterData.saveUnit(
            actor, body.hsaId(), body.name(), body.organisationHsaId(), active(body));
    return ResponseEntity.created(URI.create("/api/v1/admin/units/" + saved.hsaId()))
        .body(UnitResponse.of(saved));
  }

  @PutMapping("/units/{hsaId}")
  UnitResponse saveUnit(Actor actor, @PathVariable String hsaId, @RequestBody UnitBody body) {
    return UnitResponse.of(
        masterData.saveUnit(actor, hsaId, body.name(), body.organisationHsaId(), active(body)));
  }

  @GetMapping("/handler-appointments")
  List<HandlerAppointmentResponse> handlerAppointments(Actor actor) {
    return masterData.handlerAppointments(actor).stream()
        .map(HandlerAppointmentResponse::of)
        .toList();
  }

  @PutMapping("/handler-appointments/{unitHsaId}/{personHsaId}")
  HandlerAppointmentResponse appointHandler(
      Actor actor,
      @PathVariable String unitHsaId,
      @PathVariable String personHsaId,
      @RequestBody AppointmentBody body) {
    return HandlerAppointmentResponse.of(
        masterData.appointHandler(actor, unitHsaId, personHsaId, body.name(), body.email()));
  }

  @DeleteMapping("/handler-appointments/{unitHsaId}/{personHsaId}")
  ResponseEntity<Void> removeHandler(
      Actor actor, @PathVariable String unitHsaId, @PathVariable String personHsaId) {
    masterData.removeHandler(actor, unitHsaId, personHsaId);
    return ResponseEntity.noContent().build();
  }

  @GetMapping("/coordinators")
  List<CoordinatorResponse> coordinators(Actor actor) {
    return masterData.coordinatorAppointments(actor).stream().map(CoordinatorResponse::of).toList();
  }

  @PutMapping("/coordinators/{organisationHsaId}/{personHsaId}")
  CoordinatorResponse appointCoordinator(
      Actor actor,
      @PathVariable String organisationHsaId,
      @PathVariable String personHsaId,
      @RequestBody AppointmentBody body) {
    return CoordinatorResponse.of(
        masterData.appointCoordinator(
            actor, organisationHsaId, personHsaId, body.name(), body.email()));
  }

  @DeleteMapping("/coordinators/{organisationHsaId}/{personHsaId}")
  ResponseEntity<Void> removeCoordinator(
      Actor actor, @PathVariable String organisationHsaId, @PathVariable String personHsaId) {
    masterData.removeCoordinator(actor, organisationHsaId, personHsaId);
    return ResponseEntity.noContent().build();
  }

  /**
   * Imports a CSV or JSON file (multipart part {@code file}) of organisations, units and
   * appointments: all or nothing, with every bad line reported.
   */
  @PostMapping(value = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ImportResult importFile(Actor actor, @RequestPart("file") MultipartFile file) throws IOException {
    requireAdmin(actor);
    return masterDataImport.run(actor, parser.parse(file));
  }

  /** The same import with the JSON document as the request body. */
  @PostMapping(value = "/import", consumes = MediaType.APPLICATION_JSON_VALUE)
  ImportResult importJson(Actor actor, @RequestBody byte[] json) throws IOException {
    requireAdmin(actor);
    return masterDataImport.run(actor, parser.parseJson(json));
  }

  private static boolean active(UnitBody body) {
    return body.active() == null || body.active();
  }

  private static void requireAdmin(Actor actor) {
    if (!actor.administrator()) {
      throw new NotPermittedException("administrators only");
    }
  }
}
