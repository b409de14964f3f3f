package se.samla.deviation.core.organisation.application;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.samla.deviation.core.access.domain.Actor;
import se.samla.deviation.core.common.application.FieldError;
import se.samla.deviation.core.common.application.NotFoundException;
import se.samla.deviation.core.common.application.NotPermittedException;
import se.samla.deviation.core.common.application.ValidationFailedException;
import se.samla.deviation.core.organisation.domain.OrganisationKind;

/**
 * Imports organisations, units and appointments in one transaction: all or nothing. Every record
 * carries the line it came from, so that a failed import reports every bad line at once.
 */
@Service
public class MasterDataImport {

  /** One record of an import file. {@code line} is where it starts in the file (1-based). */
  public sealed interface ImportRecord {
    int line();
  }

  public record OrganisationRecord(int line, String hsaId, String name, OrganisationKind kind)
      implements ImportRecord {}

  public record UnitRecord(
      int line, String hsaId, String name, String organisationHsaId, boolean active)
      implements ImportRecord {}

  public record HandlerRecord(
      int line, String unitHsaId, String personHsaId, String name, String email)
      implements ImportRecord {}

  public record CoordinatorRecord(
      int line, String organisationHsaId, String personHsaId, String name, String email)
      implements ImportRecord {}

  /** One problem of an import: the line, the field and what is wrong (never the value). */
  public record LineError(int line, String field, String message) {}

  /** How much an import stored. */
  public record ImportResult(int organisations, int units, int handlers, int coordinators) {}

  /** The import was refused; nothing was stored. */
  public static class ImportFailedException extends RuntimeException {
    private final List<LineError> errors;

    public ImportFailedException(List<LineError> errors) {
      super("import refused: " + errors.size() + " invalid lines");
      this.errors = List.copyOf(errors);
    }

    public List<LineError> errors() {
      return errors;
    }
  }

  private final MasterData masterData;

  MasterDataImport(MasterData masterData) {
    this.masterData = masterData;
  }

  /**
   * Stores the records in file order (organisations before the units that name them) or nothing:
   * any invalid record rolls the whole import back and is reported with its line.
   */
  @Transactional(rollbackFor = Exception.class)
  public ImportResult run(Actor admin, List<? extends ImportRecord> records) {
    if (!admin.administrator()) {
      throw new NotPermittedException("only administrators import master data");
    }
    if (records.isEmpty()) {
      throw new ImportFailedException(List.of(new LineError(0, "file", "the file has no records")));
    }
    List<LineError> errors = new ArrayList<>();
    int orgs = 0;
    int units = 0;
    int handlers = 0;
    int coordinators = 0;
    for (ImportRecord record : records) {
      try {
        if (record instanceof OrganisationRecord o) {
          masterData.saveOrganisation(admin, o.hsaId(), o.name(), o.kind());
          orgs++;
        } else if (record instanceof UnitRecord u) {
          masterData.saveUnit(admin, u.hsaId(), u.name(), u.organisationHsaId(), u.active());
          units++;
        } else if (record instanceof HandlerRecord h) {
          masterData.appointHandler(admin, h.unitHsaId(), h.personHsaId(), h.name(), h.email());
          handlers++;
        } else if (record instanceof CoordinatorRecord c) {
          masterData.appointCoordinator(
              admin, c.organisationHsaId(), c.personHsaId(), c.name(), c.email());
          coordinators++;
        }
      } catch (ValidationFailedException e) {
        for (FieldError f : e.errors()) {
          errors.add(new LineError(record.line(), f.field(), f.message()));
        }
      } catch (NotFoundException e) {
        String field = record instanceof HandlerRecord ? "unitHsaId" : "organisationHsaId";
        errors.add(new LineError(record.line(), field, e.getMessage()));
      }
    }
    if (!errors.isEmpty()) {
      errors.sort(Comparator.comparingInt(LineError::line));
      throw new ImportFailedException(errors);
    }
    return new ImportResult(orgs, units, handlers, coordinators);
  }
}
