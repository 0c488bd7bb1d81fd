package ${package}.dal;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.lambda.powertools.tracing.CaptureMode;
import software.amazon.lambda.powertools.tracing.Tracing;

import ${package}.dal.IdempotencyRecord.Status;

/** {@link IdempotencyRepository} on the table described by {@link IdempotencyTable}. */
public final class DynamoDbIdempotencyRepository implements IdempotencyRepository {

  private static final Map<String, String> NAMES =
      Map.of(
          "#key", IdempotencyTable.PARTITION_KEY,
          "#expiresAt", IdempotencyTable.TTL_ATTRIBUTE,
          "#status", IdempotencyTable.STATUS,
          "#lockedUntil", IdempotencyTable.LOCKED_UNTIL,
          "#orderId", IdempotencyTable.ORDER_ID);

  private final DynamoDbClient dynamoDb;
  private final String tableName;

  /** Uses the given client, built once per function instance, and table. */
  public DynamoDbIdempotencyRepository(DynamoDbClient dynamoDb, String tableName) {
    this.dynamoDb = dynamoDb;
    this.tableName = tableName;
  }

  @Override
  @Tracing(captureMode = CaptureMode.ERROR)
  public boolean tryClaim(IdempotencyRecord claim, Instant now) {
    try {
      dynamoDb.putItem(
          b ->
              b.tableName(tableName)
                  .item(toItem(claim))
                  .conditionExpression("attribute_not_exists(#key) OR #expiresAt < :now")
                  .expressionAttributeNames(subset("#key", "#expiresAt"))
                  .expressionAttributeValues(Map.of(":now", epochSeconds(now))));
      return true;
    } catch (ConditionalCheckFailedException taken) {
      return false;
    }
  }

  @Override
  @Tracing(captureMode = CaptureMode.ERROR)
  public Optional<IdempotencyRecord> find(String key) {
    GetItemResponse response =
        dynamoDb.getItem(b -> b.tableName(tableName).key(key(key)).consistentRead(true));
    return response.hasItem() && !response.item().isEmpty()
        ? Optional.of(fromItem(response.item()))
        : Optional.empty();
  }

  @Override
  @Tracing(captureMode = CaptureMode.ERROR)
  public boolean tryTakeOver(String key, Instant expiredLock, Instant newLock) {
    try {
      dynamoDb.updateItem(
          b ->
              b.tableName(tableName)
                  .key(key(key))
                  .updateExpression("SET #lockedUntil = :newLock")
                  .conditionExpression("#status = :inProgress AND #lockedUntil = :expiredLock")
                  .expressionAttributeNames(subset("#status", "#lockedUntil"))
                  .expressionAttributeValues(
                      Map.of(
                          ":newLock", epochMillis(newLock),
                          ":expiredLock", epochMillis(expiredLock),
                          ":inProgress", AttributeValue.fromS(Status.IN_PROGRESS.name()))));
      return true;
    } catch (ConditionalCheckFailedException someoneElse) {
      return false;
    }
  }

  @Override
  @Tracing(captureMode = CaptureMode.ERROR)
  public void markCompleted(String key, String orderId) {
    try {
      dynamoDb.updateItem(
          b ->
              b.tableName(tableName)
                  .key(key(key))
                  .updateExpression("SET #status = :completed")
                  .conditionExpression("#orderId = :orderId")
                  .expressionAttributeNames(subset("#status", "#orderId"))
                  .expressionAttributeValues(
                      Map.of(
                          ":completed", AttributeValue.fromS(Status.COMPLETED.name()),
                          ":orderId", AttributeValue.fromS(orderId))));
    } catch (ConditionalCheckFailedException replaced) {
      // The record expired and a later claim now owns the key: that claim completes it.
    }
  }

  private static Map<String, String> subset(String... placeholders) {
    Map<String, String> names = new HashMap<>();
    for (String placeholder : placeholders) {
      names.put(placeholder, NAMES.get(placeholder));
    }
    return names;
  }

  private static Map<String, AttributeValue> key(String key) {
    return Map.of(IdempotencyTable.PARTITION_KEY, AttributeValue.fromS(key));
  }

  static Map<String, AttributeValue> toItem(IdempotencyRecord record) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put(IdempotencyTable.PARTITION_KEY, AttributeValue.fromS(record.key()));
    item.put(IdempotencyTable.STATUS, AttributeValue.fromS(record.status().name()));
    item.put(IdempotencyTable.REQUEST_HASH, AttributeValue.fromS(record.requestHash()));
    item.put(IdempotencyTable.ORDER_ID, AttributeValue.fromS(record.order().id()));
    item.put(IdempotencyTable.LOCKED_UNTIL, epochMillis(record.lockedUntil()));
    item.put(IdempotencyTable.TTL_ATTRIBUTE, epochSeconds(record.expiresAt()));
    // The planned order rides along in one map attribute, in the orders table's own item shape.
    item.put(
        IdempotencyTable.ORDER,
        AttributeValue.fromM(DynamoDbOrderRepository.toItem(record.order())));
    return item;
  }

  static IdempotencyRecord fromItem(Map<String, AttributeValue> item) {
    return new IdempotencyRecord(
        item.get(IdempotencyTable.PARTITION_KEY).s(),
        Status.valueOf(item.get(IdempotencyTable.STATUS).s()),
        item.get(IdempotencyTable.REQUEST_HASH).s(),
        DynamoDbOrderRepository.fromItem(item.get(IdempotencyTable.ORDER).m()),
        Instant.ofEpochMilli(Long.parseLong(item.get(IdempotencyTable.LOCKED_UNTIL).n())),
        Instant.ofEpochSecond(Long.parseLong(item.get(IdempotencyTable.TTL_ATTRIBUTE).n())));
  }

  private static AttributeValue epochSeconds(Instant instant) {
    return AttributeValue.fromN(Long.toString(instant.getEpochSecond()));
  }

  private static AttributeValue epochMillis(Instant instant) {
    return AttributeValue.fromN(Long.toString(instant.toEpochMilli()));
  }
}
