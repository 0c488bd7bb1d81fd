package ${package}.dal;

import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;

/** Shape of the idempotency table: the one definition used by the CDK stack and the local tests. */
public final class IdempotencyTable {

  /** Partition key: the client's Idempotency-Key header value, a string. */
  public static final String PARTITION_KEY = "idempotencyKey";

  /** DynamoDB type of the partition key ("S", string). */
  public static final String PARTITION_KEY_TYPE = "S";

  /** Attribute the table's TTL setting reads, in epoch seconds. */
  public static final String TTL_ATTRIBUTE = "expiresAt";

  static final String STATUS = "status";
  static final String REQUEST_HASH = "requestHash";
  static final String ORDER_ID = "orderId";
  static final String LOCKED_UNTIL = "lockedUntil";
  static final String ORDER = "order";

  private IdempotencyTable() {}

  /** The request that creates this table (on demand), for local DynamoDB servers in tests. */
  public static CreateTableRequest createTableRequest(String tableName) {
    return OrdersTable.TableDefinitions.createTableRequest(tableName, PARTITION_KEY);
  }
}
