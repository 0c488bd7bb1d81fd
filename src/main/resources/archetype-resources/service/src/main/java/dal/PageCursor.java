package ${package}.dal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import ${package}.models.FieldError;
import ${package}.models.OrderId;
import ${package}.models.Owner;
import ${package}.models.PageRequest;
import ${package}.models.ValidationException;

/**
 * The opaque cursors of one owner's list: where a page ended (creation time and id) and a digest
 * that binds it to the list's key, the owner's. A cursor used by another caller or on another list,
 * or changed, fails the digest and is refused. The owner never travels in the cursor: the key to
 * continue from is rebuilt with the owner of the request, so no cursor reaches another's orders.
 */
final class PageCursor {

  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
  private static final int DIGEST_BYTES = 16;
  private static final char SEPARATOR = ' ';

  private final Owner owner;
  private final OrderQuery query;
  private final String partition;

  /** The cursors of this owner's list. */
  PageCursor(Owner owner, OrderQuery query) {
    this.owner = owner;
    this.query = query;
    this.partition = query.index().partition(owner, query.value());
  }

  /** The index partition key value the list queries. */
  String partition() {
    return partition;
  }

  /** The cursor of the page after the one that ends with this item. */
  String after(Map<String, AttributeValue> lastItem) {
    String position =
        lastItem.get(OrdersTable.CREATED_AT).s()
            + SEPARATOR
            + lastItem.get(OrdersTable.PARTITION_KEY).s();
    byte[] payload = position.getBytes(StandardCharsets.UTF_8);
    return ENCODER.encodeToString(payload) + "." + ENCODER.encodeToString(digest(payload));
  }

  /**
   * The key to continue the list from.
   *
   * @throws ValidationException when the cursor is not one this list handed out
   */
  Map<String, AttributeValue> decode(String cursor) {
    String position = verifiedPosition(cursor);
    int separator = position.indexOf(SEPARATOR);
    String id = position.substring(separator + 1);
    String createdAt = position.substring(0, Math.max(separator, 0));
    if (separator < 0 || !OrderId.isValid(id) || !isTime(createdAt)) {
      throw refused();
    }
    // The table's key and the index's: for BY_OWNER the index's partition key is the owner.
    Map<String, AttributeValue> key = new HashMap<>();
    key.put(OrdersTable.PARTITION_KEY, AttributeValue.fromS(id));
    key.put(OrdersTable.OWNER, AttributeValue.fromS(owner.id()));
    key.put(query.index().attribute(), AttributeValue.fromS(partition));
    key.put(OrdersTable.CREATED_AT, AttributeValue.fromS(createdAt));
    return key;
  }

  /** The position a cursor holds, once its digest shows that this list handed it out. */
  private String verifiedPosition(String cursor) {
    int dot = cursor.indexOf('.');
    try {
      byte[] payload = DECODER.decode(cursor.substring(0, Math.max(dot, 0)));
      byte[] digest = DECODER.decode(cursor.substring(dot + 1));
      if (dot < 0 || !MessageDigest.isEqual(digest, digest(payload))) {
        throw refused();
      }
      return new String(payload, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException notBase64) {
      throw refused();
    }
  }

  private static boolean isTime(String text) {
    try {
      SortableTime.parse(text);
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  private byte[] digest(byte[] payload) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      sha256.update(query.index().index().name().getBytes(StandardCharsets.UTF_8));
      sha256.update((byte) 0);
      sha256.update(partition.getBytes(StandardCharsets.UTF_8));
      sha256.update((byte) 0);
      sha256.update(payload);
      return Arrays.copyOf(sha256.digest(), DIGEST_BYTES);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every JVM has SHA-256", e);
    }
  }

  private static ValidationException refused() {
    return new ValidationException(
        List.of(new FieldError(PageRequest.CURSOR, PageRequest.NOT_A_CURSOR)));
  }
}
