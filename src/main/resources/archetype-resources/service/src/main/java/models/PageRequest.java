package ${package}.models;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which page of a list a client asks for: how many items, and after which one (the opaque cursor of
 * the previous page).
 *
 * @param limit the most items on the page, {@link #MIN_LIMIT} to {@link #MAX_LIMIT}
 * @param cursor where the previous page ended, if this is not the first page
 */
public record PageRequest(int limit, Optional<String> cursor) {

  /** The query parameter of the page size. */
  public static final String LIMIT = "limit";

  /** The query parameter of the cursor. */
  public static final String CURSOR = "cursor";

  /** The page size when the client names none. */
  public static final int DEFAULT_LIMIT = 20;

  /** The smallest page size. */
  public static final int MIN_LIMIT = 1;

  /** The largest page size. */
  public static final int MAX_LIMIT = 50;

  /** The message of a cursor that is not one this list handed out to this caller. */
  public static final String NOT_A_CURSOR = "is not a cursor of this list for this caller";

  // Cursors are base64url text; a bound on length keeps nonsense from reaching the decoder.
  private static final Pattern CURSOR_TEXT = Pattern.compile("^[A-Za-z0-9_.-]{1,512}$");
  private static final Pattern DIGITS = Pattern.compile("^[0-9]{1,9}$");

  /** Checks the limit and the form of the cursor. */
  public PageRequest {
    if (cursor == null) {
      throw new IllegalArgumentException("cursor must be present or empty, not null");
    }
    List<FieldError> errors = new ArrayList<>();
    if (limit < MIN_LIMIT || limit > MAX_LIMIT) {
      errors.add(
          new FieldError(LIMIT, "must be an integer between " + MIN_LIMIT + " and " + MAX_LIMIT));
    }
    if (cursor.isPresent() && !CURSOR_TEXT.matcher(cursor.get()).matches()) {
      errors.add(new FieldError(CURSOR, NOT_A_CURSOR));
    }
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
  }

  /**
   * The page a request's query parameters name: {@code limit} (absent means {@link #DEFAULT_LIMIT})
   * and {@code cursor}. Every bad parameter is reported at once.
   */
  public static PageRequest fromQuery(Optional<String> limit, Optional<String> cursor) {
    // Text that is not a small number becomes a size out of range, reported as such.
    int size =
        limit
            .map(text -> DIGITS.matcher(text).matches() ? Integer.parseInt(text) : -1)
            .orElse(DEFAULT_LIMIT);
    return new PageRequest(size, cursor);
  }

  /** The first page of this size. */
  public static PageRequest first(int limit) {
    return new PageRequest(limit, Optional.empty());
  }
}
