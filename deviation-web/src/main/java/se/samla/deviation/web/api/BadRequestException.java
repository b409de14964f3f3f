package se.samla.deviation.web.api;

/** A request parameter the API cannot read (400); names the parameter, never its value. */
public class BadRequestException extends RuntimeException {

  private final String field;

  public BadRequestException(String field, String message) {
    super(message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
