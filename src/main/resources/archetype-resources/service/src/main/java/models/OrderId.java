package ${package}.models;

import java.util.regex.Pattern;

/** Order ids are lower-case UUIDs; anything else names no order. */
public final class OrderId {

  private static final Pattern UUID =
      Pattern.compile("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");

  private OrderId() {}

  /** Whether the text is an order id in its canonical form. */
  public static boolean isValid(String id) {
    return id != null && UUID.matcher(id).matches();
  }
}
