package ${package}.models;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The client's Idempotency-Key header, 1 to 128 visible ASCII characters, in the key space of the
 * caller that signed the request; keys of unsigned requests share one key space.
 */
public record IdempotencyKey(String value, Optional<Caller> caller) {

  /** The HTTP header that carries the key. */
  public static final String HEADER = "Idempotency-Key";

  private static final Pattern VALID = Pattern.compile("^[\\x21-\\x7E]{1,128}$");

  /** Rejects keys that could not be stored or compared reliably. */
  public IdempotencyKey {
    if (value == null || !VALID.matcher(value).matches()) {
      throw new ValidationException(
          List.of(new FieldError(HEADER, "must be 1 to 128 visible ASCII characters")));
    }
    if (caller == null) {
      throw new IllegalArgumentException("caller must be present or empty, not null");
    }
  }

  /** A key of an unsigned request. */
  public IdempotencyKey(String value) {
    this(value, Optional.empty());
  }

  /**
   * The key as stored: the caller's id, a space and the value, so that two callers' keys never
   * meet; the value alone for an unsigned request. A value has no space, so a signed caller's key
   * never equals an unsigned one either.
   */
  public String scoped() {
    return caller.map(signer -> signer.id() + " " + value).orElse(value);
  }
}
