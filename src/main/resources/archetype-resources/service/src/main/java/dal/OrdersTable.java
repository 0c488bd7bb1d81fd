package ${package}.dal;

import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** Shape of the orders table: the one definition used by the CDK stack and the local tests. */
public final class OrdersTable {

  /** Partition key: the order id, a string. */
  public static final String PARTITION_KEY = "id";

  /** DynamoDB type of the partition key ("S", string). */
  public static final String PARTITION_KEY_TYPE = "S";

  /** Attribute the table's TTL setting reads, in epoch seconds. */
  public static final String TTL_ATTRIBUTE = "expiresAt";

  private OrdersTable() {}

  /** The request that creates this table (on demand), for local DynamoDB servers in tests. */
  public static CreateTableRequest createTableRequest(String tableName) {
    return TableDefinitions.createTableRequest(tableName, PARTITION_KEY);
  }

  /** Shared builder of single-key, on-demand table definitions. */
  static final class TableDefinitions {
    private TableDefinitions() {}

    static CreateTableRequest createTableRequest(String tableName, String partitionKey) {
      return CreateTableRequest.builder()
          .tableName(tableName)
          .billingMode(BillingMode.PAY_PER_REQUEST)
          .attributeDefinitions(
              AttributeDefinition.builder()
                  .attributeName(partitionKey)
                  .attributeType(ScalarAttributeType.S)
                  .build())
          .keySchema(
              KeySchemaElement.builder().attributeName(partitionKey).keyType(KeyType.HASH).build())
          .build();
    }
  }
}
