package ${package}.models;

import java.util.List;
import java.util.regex.Pattern;

/** The client's Idempotency-Key header: 1 to 128 visible ASCII characters. */
public record IdempotencyKey(String value) {

  /** The HTTP header that carries the key. */
  public static final String HEADER = "Idempotency-Key";

  private static final Pattern VALID = Pattern.compile("^[\\x21-\\x7E]{1,128}$");

  /** Rejects keys that could not be stored or compared reliably. */
  public IdempotencyKey {
    if (value == null || !VALID.matcher(value).matches()) {
      throw new ValidationException(
          List.of(new FieldError(HEADER, "must be 1 to 128 visible ASCII characters")));
    }
  }
}
