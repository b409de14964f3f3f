package se.samla.deviation.web.api.admin;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;
import se.samla.deviation.core.organisation.application.MasterDataImport.CoordinatorRecord;
import se.samla.deviation.core.organisation.application.MasterDataImport.HandlerRecord;
import se.samla.deviation.core.organisation.application.MasterDataImport.ImportFailedException;
import se.samla.deviation.core.organisation.application.MasterDataImport.ImportRecord;
import se.samla.deviation.core.organisation.application.MasterDataImport.LineError;
import se.samla.deviation.core.organisation.application.MasterDataImport.OrganisationRecord;
import se.samla.deviation.core.organisation.application.MasterDataImport.UnitRecord;
import se.samla.deviation.core.organisation.domain.OrganisationKind;

/**
 * Reads an import file into records that remember their line. Organisations come first, then units,
 * then appointments, whatever their order in the file.
 *
 * <p>CSV (comma or semicolon, the one after the first line's type; UTF-8 with or without a BOM;
 * {@code #} starts a comment line; an optional header line starting with {@code type} is skipped;
 * double quotes enclose separators and line breaks, {@code ""} is a quote; an error names the line
 * its record starts on):
 *
 * <pre>
 * organisation,SE2321000016-ORG,Region Exempel,REGION
 * unit,SE2321000016-U01,Avdelning 1,SE2321000016-ORG,true
 * handler,SE2321000016-U01,SE2321000016-H001,Hanna Handläggare,hanna@example.se
 * coordinator,SE2321000016-ORG,SE2321000016-C001,Rut Samordnare,rut@example.se
 * </pre>
 *
 * <p>JSON: {@code {"organisations": [{hsaId, name, kind}], "units": [{hsaId, name,
 * organisationHsaId, active}], "handlerAppointments": [{unitHsaId, personHsaId, name, email}],
 * "coordinators": [{organisationHsaId, personHsaId, name, email}]}}.
 */
@Component
class ImportParser {

  private static final CsvFactory CSV = new CsvFactory();

  private final ObjectMapper objectMapper;

  ImportParser(ObjectMapper objectMapper) {
    this.objectMapper = objectMapper;
  }

  List<ImportRecord> parse(MultipartFile file) throws IOException {
    String name = file.getOriginalFilename() == null ? "" : file.getOriginalFilename();
    String type = file.getContentType() == null ? "" : file.getContentType();
    byte[] bytes = file.getBytes();
    if (name.toLowerCase(Locale.ROOT).endsWith(".json") || type.contains("json")) {
      return parseJson(bytes);
    }
    return parseCsv(new String(bytes, StandardCharsets.UTF_8));
  }

  List<ImportRecord> parseCsv(String text) {
    String csv = text.startsWith("\uFEFF") ? text.substring(1) : text;
    List<ImportRecord> records = new ArrayList<>();
    List<LineError> errors = new ArrayList<>();
    CsvSchema schema =
        CsvSchema.emptySchema()
            .withColumnSeparator(separator(csv))
            .withQuoteChar('"')
            .withComments();
    try (CsvParser parser = CSV.createParser(csv)) {
      parser.setSchema(schema);
      boolean first = true;
      while (parser.nextToken() == JsonToken.START_ARRAY) {
        List<String> cells = new ArrayList<>();
        int lineNo = 0;
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          if (cells.isEmpty()) {
            lineNo = line(parser);
          }
          cells.add(parser.getText());
        }
        if (cells.stream().allMatch(String::isBlank) || cells.get(0).strip().startsWith("#")) {
          continue;
        }
        String kind = cells.get(0).strip().toLowerCase(Locale.ROOT);
        if (first) {
          first = false;
          if (kind.equals("type")) {
            continue;
          }
        }
        try {
          records.add(csvRecord(kind, cells, lineNo));
        } catch (LineException e) {
          errors.add(e.error);
        }
      }
    } catch (IOException e) {
      int line =
          e instanceof JsonProcessingException p && p.getLocation() != null
              ? p.getLocation().getLineNr()
              : 0;
      throw new ImportFailedException(List.of(new LineError(line, "file", "is not valid CSV")));
    }
    return ordered(records, errors);
  }

  /** The file's separator: the one after the first cell (the type) of its first line. */
  private static char separator(String csv) {
    for (String line : csv.split("\r?\n")) {
      if (line.isBlank() || line.stripLeading().startsWith("#")) {
        continue;
      }
      int comma = line.indexOf(',');
      int semicolon = line.indexOf(';');
      return semicolon >= 0 && (comma < 0 || semicolon < comma) ? ';' : ',';
    }
    return ',';
  }

  private static ImportRecord csvRecord(String kind, List<String> cells, int lineNo) {
    return switch (kind) {
      case "organisation" -> {
        need(cells, 4, lineNo);
        yield new OrganisationRecord(
            lineNo, cell(cells, 1), cell(cells, 2), kind(cells.get(3), lineNo));
      }
      case "unit" -> {
        need(cells, 4, lineNo);
        yield new UnitRecord(
            lineNo, cell(cells, 1), cell(cells, 2), cell(cells, 3), active(cells, 4, lineNo));
      }
      case "handler" -> {
        need(cells, 4, lineNo);
        yield new HandlerRecord(
            lineNo, cell(cells, 1), cell(cells, 2), cell(cells, 3), cell(cells, 4));
      }
      case "coordinator" -> {
        need(cells, 4, lineNo);
        yield new CoordinatorRecord(
            lineNo, cell(cells, 1), cell(cells, 2), cell(cells, 3), cell(cells, 4));
      }
      default ->
          throw new LineException(
              new LineError(lineNo, "type", "must be organisation, unit, handler or coordinator"));
    };
  }

  List<ImportRecord> parseJson(byte[] json) throws IOException {
    List<ImportRecord> records = new ArrayList<>();
    List<LineError> errors = new ArrayList<>();
    try (JsonParser parser = objectMapper.getFactory().createParser(json)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw new ImportFailedException(List.of(new LineError(1, "file", "must be a JSON object")));
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String section = parser.currentName();
        if (parser.nextToken() != JsonToken.START_ARRAY) {
          errors.add(new LineError(line(parser), section, "must be an array"));
          parser.skipChildren();
          continue;
        }
        while (parser.nextToken() == JsonToken.START_OBJECT) {
          int line = line(parser);
          JsonNode node = parser.readValueAsTree();
          try {
            records.add(record(section, node, line));
          } catch (LineException e) {
            errors.add(e.error);
          }
        }
      }
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      throw new ImportFailedException(List.of(new LineError(line, "file", "is not valid JSON")));
    }
    return ordered(records, errors);
  }

  private static ImportRecord record(String section, JsonNode n, int line) {
    return switch (section) {
      case "organisations" ->
          new OrganisationRecord(
              line, text(n, "hsaId"), text(n, "name"), kind(text(n, "kind"), line));
      case "units" ->
          new UnitRecord(
              line,
              text(n, "hsaId"),
              text(n, "name"),
              text(n, "organisationHsaId"),
              !n.has("active") || n.get("active").asBoolean(true));
      case "handlerAppointments" ->
          new HandlerRecord(
              line,
              text(n, "unitHsaId"),
              text(n, "personHsaId"),
              text(n, "name"),
              text(n, "email"));
      case "coordinators" ->
          new CoordinatorRecord(
              line,
              text(n, "organisationHsaId"),
              text(n, "personHsaId"),
              text(n, "name"),
              text(n, "email"));
      default ->
          throw new LineException(
              new LineError(
                  line,
                  section,
                  "unknown section (organisations, units, handlerAppointments, coordinators)"));
    };
  }

  private static List<ImportRecord> ordered(List<ImportRecord> records, List<LineError> errors) {
    if (!errors.isEmpty()) {
      errors.sort(Comparator.comparingInt(LineError::line));
      throw new ImportFailedException(errors);
    }
    records.sort(Comparator.comparingInt(ImportParser::rank).thenComparingInt(ImportRecord::line));
    return records;
  }

  private static int rank(ImportRecord r) {
    if (r instanceof OrganisationRecord) {
      return 0;
    }
    return r instanceof UnitRecord ? 1 : 2;
  }

  private static int line(JsonParser parser) {
    return parser.currentTokenLocation().getLineNr();
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  private static OrganisationKind kind(String value, int line) {
    try {
      return value == null
          ? null
          : OrganisationKind.valueOf(value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new LineException(
          new LineError(line, "kind", "must be REGION, MUNICIPALITY or PRIVATE"));
    }
  }

  private static boolean active(List<String> cells, int index, int line) {
    String value = cell(cells, index);
    if (value == null || value.equalsIgnoreCase("true") || value.equalsIgnoreCase("ja")) {
      return true;
    }
    if (value.equalsIgnoreCase("false") || value.equalsIgnoreCase("nej")) {
      return false;
    }
    throw new LineException(new LineError(line, "active", "must be true or false"));
  }

  private static void need(List<String> cells, int count, int line) {
    if (cells.size() < count) {
      throw new LineException(new LineError(line, "line", "needs at least " + count + " columns"));
    }
  }

  private static String cell(List<String> cells, int index) {
    if (index >= cells.size()) {
      return null;
    }
    String v = cells.get(index).strip();
    return v.isEmpty() ? null : v;
  }

  private static final class LineException extends RuntimeException {
    private final transient LineError error;

    LineException(LineError error) {
      super(null, null, false, false);
      this.error = error;
    }
  }
}
