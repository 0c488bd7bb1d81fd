package ${package}.dal;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;

/**
 * The shape of one DynamoDB table: its keys, the attribute its TTL setting reads and its global
 * secondary indexes. Infra creates the table from it, local tests create it on a local server, and
 * routes name its indexes: one definition, never re-typed.
 *
 * @param partitionKey the partition key
 * @param sortKey the sort key, if the table has one
 * @param ttlAttribute the attribute the table's TTL setting reads, in epoch seconds
 * @param indexes the global secondary indexes, each projecting every attribute
 */
public record TableDefinition(
    Key partitionKey, Optional<Key> sortKey, String ttlAttribute, List<Index> indexes) {

  /** Checks that index names are unique. */
  public TableDefinition {
    indexes = List.copyOf(indexes);
    Set<String> names = new LinkedHashSet<>();
    for (Index index : indexes) {
      if (!names.add(index.name())) {
        throw new IllegalArgumentException("Two indexes are named " + index.name());
      }
    }
  }

  /** A table keyed by one string attribute, with a TTL attribute and no index. */
  public static TableDefinition keyedBy(String partitionKey, String ttlAttribute) {
    return new TableDefinition(Key.string(partitionKey), Optional.empty(), ttlAttribute, List.of());
  }

  /** The same table with a string sort key. */
  public TableDefinition sortedBy(String sortKeyName) {
    return new TableDefinition(
        partitionKey, Optional.of(Key.string(sortKeyName)), ttlAttribute, indexes);
  }

  /** The same table with these global secondary indexes. */
  public TableDefinition withIndexes(Index... more) {
    List<Index> all = new ArrayList<>(indexes);
    all.addAll(List.of(more));
    return new TableDefinition(partitionKey, sortKey, ttlAttribute, all);
  }

  /** Whether the table declares an index of this name. */
  public boolean hasIndex(String name) {
    return indexes.stream().anyMatch(index -> index.name().equals(name));
  }

  /** The request that creates this table (on demand), for local DynamoDB servers in tests. */
  public CreateTableRequest createTableRequest(String tableName) {
    Set<Key> attributes = new LinkedHashSet<>();
    attributes.add(partitionKey);
    sortKey.ifPresent(attributes::add);
    List<GlobalSecondaryIndex> globalIndexes = new ArrayList<>();
    for (Index index : indexes) {
      attributes.add(index.partitionKey());
      attributes.add(index.sortKey());
      globalIndexes.add(
          GlobalSecondaryIndex.builder()
              .indexName(index.name())
              .keySchema(schema(index.partitionKey(), Optional.of(index.sortKey())))
              .projection(Projection.builder().projectionType(ProjectionType.ALL).build())
              .build());
    }
    CreateTableRequest.Builder request =
        CreateTableRequest.builder()
            .tableName(tableName)
            .billingMode(BillingMode.PAY_PER_REQUEST)
            .attributeDefinitions(
                attributes.stream()
                    .map(
                        key ->
                            AttributeDefinition.builder()
                                .attributeName(key.name())
                                .attributeType(key.type())
                                .build())
                    .toList())
            .keySchema(schema(partitionKey, sortKey));
    return globalIndexes.isEmpty()
        ? request.build()
        : request.globalSecondaryIndexes(globalIndexes).build();
  }

  private static List<KeySchemaElement> schema(Key partition, Optional<Key> sort) {
    List<KeySchemaElement> schema = new ArrayList<>();
    schema.add(
        KeySchemaElement.builder().attributeName(partition.name()).keyType(KeyType.HASH).build());
    sort.ifPresent(
        key ->
            schema.add(
                KeySchemaElement.builder()
                    .attributeName(key.name())
                    .keyType(KeyType.RANGE)
                    .build()));
    return schema;
  }

  /**
   * A key attribute.
   *
   * @param name the attribute name
   * @param type its DynamoDB type: {@code S}, {@code N} or {@code B}
   */
  public record Key(String name, String type) implements Serializable {

    /** A string key. */
    public static Key string(String name) {
      return new Key(name, "S");
    }
  }

  /**
   * A global secondary index that projects every attribute.
   *
   * @param name the index name; a route that queries it names it, and is granted exactly it
   * @param partitionKey its partition key
   * @param sortKey its sort key
   */
  public record Index(String name, Key partitionKey, Key sortKey) implements Serializable {

    /** An index on two string attributes. */
    public static Index of(String name, String partitionKey, String sortKey) {
      return new Index(name, Key.string(partitionKey), Key.string(sortKey));
    }
  }
}
