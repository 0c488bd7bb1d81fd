package ${package}.dal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Instants stored as key text: ISO-8601 in UTC with all nine fraction digits, so that every value
 * has the same width and text order is time order. {@code Instant.toString()} drops a zero
 * fraction, and {@code ...:30Z} then sorts after {@code ...:30.001Z}.
 */
final class SortableTime {

  private static final DateTimeFormatter FIXED_WIDTH =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);

  private SortableTime() {}

  /** The fixed-width text of an instant. */
  static String format(Instant instant) {
    return FIXED_WIDTH.format(instant);
  }

  /**
   * An instant from its stored text: the fixed-width form, or any ISO-8601 instant of older items.
   */
  static Instant parse(String text) {
    return Instant.parse(text);
  }
}
