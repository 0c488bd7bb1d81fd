package ${package}.dal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.lambda.powertools.tracing.CaptureMode;
import software.amazon.lambda.powertools.tracing.Tracing;

import ${package}.models.Order;
import ${package}.models.OrderPage;
import ${package}.models.Owner;
import ${package}.models.PageRequest;

/**
 * {@link OrderRepository} on the DynamoDB table described by {@link OrdersTable}. Each order field
 * is an attribute of the same name; {@link #toItem} and {@link #fromItem} are the one mapping. The
 * owner is part of every key ({@link #key}), so a call with another owner names no item.
 */
public final class DynamoDbOrderRepository implements OrderRepository {

  private static final String CUSTOMER_NAME = "customerName";
  private static final String ORDER_ITEM_COUNT = "orderItemCount";
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
  public void save(Owner owner, Order order) {
    Map<String, AttributeValue> item = toItem(order);
    item.putAll(key(owner, order.id()));
    for (OwnerIndex index : OrdersTable.OWNER_INDEXES) {
      item.put(index.attribute(), AttributeValue.fromS(index.keyOf(owner, order)));
    }
    dynamoDb.putItem(b -> b.tableName(tableName).item(item));
  }

  @Override
  @Tracing(captureMode = CaptureMode.ERROR)
  public Optional<Order> findById(Owner owner, String id) {
    GetItemResponse response =
        dynamoDb.getItem(b -> b.tableName(tableName).key(key(owner, id)).consistentRead(true));
    return response.hasItem() && !response.item().isEmpty()
        ? Optional.of(fromItem(response.item()))
        : Optional.empty();
  }

  @Override
  @Tracing(captureMode = CaptureMode.ERROR)
  public boolean deleteById(Owner owner, String id) {
    try {
      dynamoDb.deleteItem(
          b ->
              b.tableName(tableName)
                  .key(key(owner, id))
                  .conditionExpression("attribute_exists(#id)")
                  .expressionAttributeNames(Map.of("#id", OrdersTable.PARTITION_KEY)));
      return true;
    } catch (ConditionalCheckFailedException absent) {
      return false;
    }
  }

  @Override
  @Tracing(captureMode = CaptureMode.ERROR)
  public OrderPage newestFirst(Owner owner, OrderQuery query, PageRequest page) {
    PageCursor cursors = new PageCursor(owner, query);
    QueryRequest.Builder request =
        QueryRequest.builder()
            .tableName(tableName)
            .indexName(query.index().index().name())
            .keyConditionExpression("#key = :key")
            .expressionAttributeNames(Map.of("#key", query.index().attribute()))
            .expressionAttributeValues(Map.of(":key", AttributeValue.fromS(cursors.partition())))
            .scanIndexForward(false)
            // One more than the page: whether it exists decides the cursor, so the last page
            // never comes with a cursor to an empty one.
            .limit(page.limit() + 1);
    page.cursor().ifPresent(cursor -> request.exclusiveStartKey(cursors.decode(cursor)));
    List<Map<String, AttributeValue>> items = dynamoDb.query(request.build()).items();
    List<Map<String, AttributeValue>> onPage =
        items.subList(0, Math.min(page.limit(), items.size()));
    String next = items.size() > page.limit() ? cursors.after(onPage.getLast()) : null;
    return new OrderPage(onPage.stream().map(DynamoDbOrderRepository::fromItem).toList(), next);
  }

  /** The key of the owner's order with this id: the only way any call here names an order. */
  private static Map<String, AttributeValue> key(Owner owner, String id) {
    return Map.of(
        OrdersTable.PARTITION_KEY,
        AttributeValue.fromS(id),
        OrdersTable.OWNER,
        AttributeValue.fromS(owner.id()));
  }

  static Map<String, AttributeValue> toItem(Order order) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put(OrdersTable.PARTITION_KEY, AttributeValue.fromS(order.id()));
    item.put(CUSTOMER_NAME, AttributeValue.fromS(order.customerName()));
    item.put(ORDER_ITEM_COUNT, number(order.orderItemCount()));
    item.put(OrdersTable.CREATED_AT, AttributeValue.fromS(SortableTime.format(order.createdAt())));
    item.put(DISCOUNT_PERCENT, number(order.discountPercent()));
    return item;
  }

  static Order fromItem(Map<String, AttributeValue> item) {
    return Order.builder()
        .id(item.get(OrdersTable.PARTITION_KEY).s())
        .customerName(item.get(CUSTOMER_NAME).s())
        .orderItemCount(Integer.parseInt(item.get(ORDER_ITEM_COUNT).n()))
        .createdAt(SortableTime.parse(item.get(OrdersTable.CREATED_AT).s()))
        .discountPercent(Integer.parseInt(item.get(DISCOUNT_PERCENT).n()))
        .build();
  }

  private static AttributeValue number(int value) {
    return AttributeValue.fromN(Integer.toString(value));
  }
}
