package se.samla.deviation.web.api;

import java.io.IOException;

/** The request body is larger than the API accepts (413). */
public class PayloadTooLargeException extends IOException {

  public PayloadTooLargeException(long limit) {
    super("the request body is larger than " + limit + " bytes");
  }
}
