package ${package}.infra.constructs;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.dynamodb.Attribute;
import software.amazon.awscdk.services.dynamodb.AttributeType;
import software.amazon.awscdk.services.dynamodb.BillingMode;
import software.amazon.awscdk.services.dynamodb.GlobalSecondaryIndexProps;
import software.amazon.awscdk.services.dynamodb.ITable;
import software.amazon.awscdk.services.dynamodb.PointInTimeRecoverySpecification;
import software.amazon.awscdk.services.dynamodb.ProjectionType;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.dynamodb.TableEncryption;
import software.constructs.Construct;

import ${package}.dal.TableDefinition;
import ${package}.handlers.Needs;

/**
 * The service's DynamoDB tables, one per {@link Needs.Table}, each created from its definition in
 * {@code dal} (keys, TTL attribute, global secondary indexes): on demand, point-in-time recovery,
 * encrypted with a KMS key, expired items removed through TTL.
 */
public class DatabaseConstruct extends Construct {

  /**
   * @param removalPolicy what stack deletion does to the tables
   * @param deletionProtection whether the tables refuse deletion outside CloudFormation too
   */
  public record Props(RemovalPolicy removalPolicy, boolean deletionProtection) {}

  private final Map<Needs.Table, Table> tables = new EnumMap<>(Needs.Table.class);

  /** Creates every table of the route table. */
  public DatabaseConstruct(Construct scope, String id, Props props) {
    super(scope, id);
    for (Needs.Table table : Needs.Table.values()) {
      tables.put(table, table(MonitoredTable.label(table), table.definition(), props));
    }
  }

  static Attribute key(TableDefinition.Key key) {
    AttributeType type =
        switch (key.type()) {
          case "S" -> AttributeType.STRING;
          case "N" -> AttributeType.NUMBER;
          case "B" -> AttributeType.BINARY;
          default -> throw new IllegalArgumentException("Not a key type: " + key.type());
        };
    return Attribute.builder().name(key.name()).type(type).build();
  }

  private Table table(String id, TableDefinition definition, Props props) {
    Table table =
        Table.Builder.create(this, id)
            .partitionKey(key(definition.partitionKey()))
            .sortKey(definition.sortKey().map(DatabaseConstruct::key).orElse(null))
            .billingMode(BillingMode.PAY_PER_REQUEST)
            .pointInTimeRecoverySpecification(
                PointInTimeRecoverySpecification.builder().pointInTimeRecoveryEnabled(true).build())
            // The AWS managed key: encrypted with KMS and auditable in CloudTrail, no key to run.
            .encryption(TableEncryption.AWS_MANAGED)
            .timeToLiveAttribute(definition.ttlAttribute())
            .removalPolicy(props.removalPolicy())
            .deletionProtection(props.deletionProtection())
            .build();
    for (TableDefinition.Index index : definition.indexes()) {
      table.addGlobalSecondaryIndex(
          GlobalSecondaryIndexProps.builder()
              .indexName(index.name())
              .partitionKey(key(index.partitionKey()))
              .sortKey(key(index.sortKey()))
              .projectionType(ProjectionType.ALL)
              .build());
    }
    return table;
  }

  /** The orders table. */
  public Table ordersTable() {
    return tables.get(Needs.Table.ORDERS);
  }

  /** The table that remembers idempotency keys of creates. */
  public Table idempotencyTable() {
    return tables.get(Needs.Table.IDEMPOTENCY);
  }

  /** Every table, by the name routes use for it. */
  public Map<Needs.Table, ITable> tables() {
    return Collections.unmodifiableMap(tables);
  }
}
