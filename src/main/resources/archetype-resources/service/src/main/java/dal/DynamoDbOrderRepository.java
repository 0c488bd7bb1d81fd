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

import ${package}.models.Order;

/**
 * {@link OrderRepository} on the DynamoDB table described by {@link OrdersTable}. Each order field
 * is an attribute of the same name; {@link #toItem} and {@link #fromItem} are the one mapping.
 */
public final class DynamoDbOrderRepository implements OrderRepository {

  private static final String CUSTOMER_NAME = "customerName";
  private static final String ORDER_ITEM_COUNT = "orderItemCount";
  private static final String CREATED_AT = "createdAt";
  private static final String DISCOUNT_PERCENT = "discountPercent";

  private final DynamoDbClient dynamoDb;
  private final String tableName;

  /** Uses the given client, built once per function instance, and table. */
  public DynamoDbOrderRepository(DynamoDbClient dynamoDb, String tableName) {
    this.dynamoDb = dynamoDb;
    this.tableName = tableName;
  }

  @Override
  @Tracing(captureMode = CaptureMode.ERROR)
  public void save(Order order) {
    dynamoDb.putItem(b -> b.tableName(tableName).item(toItem(order)));
  }

  @Override
  @Tracing(captureMode = CaptureMode.ERROR)
  public Optional<Order> findById(String id) {
    GetItemResponse response =
        dynamoDb.getItem(b -> b.tableName(tableName).key(key(id)).consistentRead(true));
    return response.hasItem() && !response.item().isEmpty()
        ? Optional.of(fromItem(response.item()))
        : Optional.empty();
  }

  @Override
  @Tracing(captureMode = CaptureMode.ERROR)
  public boolean deleteById(String id) {
    try {
      dynamoDb.deleteItem(
          b ->
              b.tableName(tableName)
                  .key(key(id))
                  .conditionExpression("attribute_exists(#id)")
                  .expressionAttributeNames(Map.of("#id", OrdersTable.PARTITION_KEY)));
      return true;
    } catch (ConditionalCheckFailedException absent) {
      return false;
    }
  }

  private static Map<String, AttributeValue> key(String id) {
    return Map.of(OrdersTable.PARTITION_KEY, AttributeValue.fromS(id));
  }

  static Map<String, AttributeValue> toItem(Order order) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put(OrdersTable.PARTITION_KEY, AttributeValue.fromS(order.id()));
    item.put(CUSTOMER_NAME, AttributeValue.fromS(order.customerName()));
    item.put(ORDER_ITEM_COUNT, number(order.orderItemCount()));
    item.put(CREATED_AT, AttributeValue.fromS(order.createdAt().toString()));
    item.put(DISCOUNT_PERCENT, number(order.discountPercent()));
    return item;
  }

  static Order fromItem(Map<String, AttributeValue> item) {
    return Order.builder()
        .id(item.get(OrdersTable.PARTITION_KEY).s())
        .customerName(item.get(CUSTOMER_NAME).s())
        .orderItemCount(Integer.parseInt(item.get(ORDER_ITEM_COUNT).n()))
        .createdAt(Instant.parse(item.get(CREATED_AT).s()))
        .discountPercent(Integer.parseInt(item.get(DISCOUNT_PERCENT).n()))
        .build();
  }

  private static AttributeValue number(int value) {
    return AttributeValue.fromN(Integer.toString(value));
  }
}
