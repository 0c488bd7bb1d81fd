package ${package}.dal;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.lambda.powertools.tracing.CaptureMode;
import software.amazon.lambda.powertools.tracing.Tracing;

import ${package}.models.Order;

/** {@link OrderRepository} on the DynamoDB table described by {@link OrdersTable}. */
public final class DynamoDbOrderRepository implements OrderRepository {

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
    return Map.of(
        OrdersTable.PARTITION_KEY, AttributeValue.fromS(order.id()),
        OrdersTable.CUSTOMER_NAME, AttributeValue.fromS(order.customerName()),
        OrdersTable.ORDER_ITEM_COUNT, number(order.orderItemCount()),
        OrdersTable.CREATED_AT, AttributeValue.fromS(order.createdAt().toString()),
        OrdersTable.DISCOUNT_PERCENT, number(order.discountPercent()));
  }

  static Order fromItem(Map<String, AttributeValue> item) {
    return new Order(
        item.get(OrdersTable.PARTITION_KEY).s(),
        item.get(OrdersTable.CUSTOMER_NAME).s(),
        Integer.parseInt(item.get(OrdersTable.ORDER_ITEM_COUNT).n()),
        Instant.parse(item.get(OrdersTable.CREATED_AT).s()),
        Integer.parseInt(item.get(OrdersTable.DISCOUNT_PERCENT).n()));
  }

  private static AttributeValue number(int value) {
    return AttributeValue.fromN(Integer.toString(value));
  }
}
