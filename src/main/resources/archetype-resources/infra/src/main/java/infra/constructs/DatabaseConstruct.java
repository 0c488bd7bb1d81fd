package ${package}.infra.constructs;

import java.util.EnumMap;
import java.util.Map;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.dynamodb.Attribute;
import software.amazon.awscdk.services.dynamodb.AttributeType;
import software.amazon.awscdk.services.dynamodb.BillingMode;
import software.amazon.awscdk.services.dynamodb.ITable;
import software.amazon.awscdk.services.dynamodb.PointInTimeRecoverySpecification;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.dynamodb.TableEncryption;
import software.constructs.Construct;

import ${package}.dal.IdempotencyTable;
import ${package}.dal.OrdersTable;
import ${package}.handlers.Route;

/**
 * The service's DynamoDB tables, shaped by the service's own table classes: on demand,
 * point-in-time recovery, encrypted with a KMS key, expired items removed through TTL.
 */
public class DatabaseConstruct extends Construct {

  /**
   * @param removalPolicy what stack deletion does to the tables
   * @param deletionProtection whether the tables refuse deletion outside CloudFormation too
   */
  public record Props(RemovalPolicy removalPolicy, boolean deletionProtection) {}

  private final Table ordersTable;
  private final Table idempotencyTable;

  /** Creates the orders and idempotency tables. */
  public DatabaseConstruct(Construct scope, String id, Props props) {
    super(scope, id);
    ordersTable =
        table(
            "Orders",
            key(OrdersTable.PARTITION_KEY, OrdersTable.PARTITION_KEY_TYPE),
            OrdersTable.TTL_ATTRIBUTE,
            props);
    idempotencyTable =
        table(
            "Idempotency",
            key(IdempotencyTable.PARTITION_KEY, IdempotencyTable.PARTITION_KEY_TYPE),
            IdempotencyTable.TTL_ATTRIBUTE,
            props);
  }

  static Attribute key(String name, String dynamoDbType) {
    AttributeType type =
        switch (dynamoDbType) {
          case "S" -> AttributeType.STRING;
          case "N" -> AttributeType.NUMBER;
          case "B" -> AttributeType.BINARY;
          default -> throw new IllegalArgumentException("Not a key type: " + dynamoDbType);
        };
    return Attribute.builder().name(name).type(type).build();
  }

  private Table table(String id, Attribute partitionKey, String ttlAttribute, Props props) {
    return Table.Builder.create(this, id)
        .partitionKey(partitionKey)
        .billingMode(BillingMode.PAY_PER_REQUEST)
        .pointInTimeRecoverySpecification(
            PointInTimeRecoverySpecification.builder().pointInTimeRecoveryEnabled(true).build())
        // The AWS managed key: encrypted with KMS and auditable in CloudTrail, no key to run.
        .encryption(TableEncryption.AWS_MANAGED)
        .timeToLiveAttribute(ttlAttribute)
        .removalPolicy(props.removalPolicy())
        .deletionProtection(props.deletionProtection())
        .build();
  }

  /** The orders table. */
  public Table ordersTable() {
    return ordersTable;
  }

  /** The table that remembers idempotency keys of creates. */
  public Table idempotencyTable() {
    return idempotencyTable;
  }

  /** Every table, by the name routes use for it. */
  public Map<Route.Table, ITable> tables() {
    Map<Route.Table, ITable> tables = new EnumMap<>(Route.Table.class);
    tables.put(Route.Table.ORDERS, ordersTable);
    tables.put(Route.Table.IDEMPOTENCY, idempotencyTable);
    return tables;
  }
}
