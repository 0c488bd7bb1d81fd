package ${package}.dal;

/** Shape of the idempotency table: the one definition used by the CDK stack and the local tests. */
public final class IdempotencyTable {

  /** Partition key: the client's Idempotency-Key header value, a string. */
  public static final String PARTITION_KEY = "idempotencyKey";

  /** Attribute the table's TTL setting reads, in epoch seconds. */
  public static final String TTL_ATTRIBUTE = "expiresAt";

  static final String STATUS = "status";
  static final String REQUEST_HASH = "requestHash";
  static final String ORDER_ID = "orderId";
  static final String LOCKED_UNTIL = "lockedUntil";
  static final String ORDER = "order";

  /** The table: infra and the local tests create it from this. */
  public static final TableDefinition DEFINITION =
      TableDefinition.keyedBy(PARTITION_KEY, TTL_ATTRIBUTE);

  private IdempotencyTable() {}
}
