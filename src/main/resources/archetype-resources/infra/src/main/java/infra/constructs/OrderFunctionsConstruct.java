package ${package}.infra.constructs;

import java.util.List;
import java.util.Map;
import software.amazon.awscdk.services.dynamodb.ITable;
import software.constructs.Construct;

import ${package}.handlers.CreateOrderHandler;
import ${package}.handlers.DeleteOrderHandler;
import ${package}.handlers.GetOrderHandler;
import ${package}.handlers.HandlerConfig;

/**
 * The three order functions, each allowed only the table actions its handler performs: a new
 * DynamoDB call in a handler needs its action added here, or it fails with AccessDenied.
 */
public class OrderFunctionsConstruct extends Construct {

  /** Actions of the create handler on the orders table. */
  static final List<String> CREATE_ORDERS_ACTIONS = List.of("dynamodb:PutItem");

  /** Actions of the create handler on the idempotency table: claim, read back, complete. */
  static final List<String> CREATE_IDEMPOTENCY_ACTIONS =
      List.of("dynamodb:PutItem", "dynamodb:GetItem", "dynamodb:UpdateItem");

  static final List<String> GET_ORDERS_ACTIONS = List.of("dynamodb:GetItem");
  static final List<String> DELETE_ORDERS_ACTIONS = List.of("dynamodb:DeleteItem");

  /**
   * @param factory builds each function the same way
   * @param ordersTable the orders table
   * @param idempotencyTable the idempotency table, used by creates only
   * @param featureFlags the AppConfig flags, read by creates only
   */
  public record Props(
      FunctionFactory factory,
      ITable ordersTable,
      ITable idempotencyTable,
      FeatureFlagsConstruct featureFlags) {}

  private final ServiceFunction createOrder;
  private final ServiceFunction getOrder;
  private final ServiceFunction deleteOrder;

  /** Creates the functions and their grants. */
  public OrderFunctionsConstruct(Construct scope, String id, Props props) {
    super(scope, id);
    // HandlerConfig checks every variable at init in every function, so all of them get all
    // names; the grants below decide what each one may actually touch.
    Map<String, String> variables =
        Map.of(
            HandlerConfig.TABLE_NAME, props.ordersTable().getTableName(),
            HandlerConfig.IDEMPOTENCY_TABLE_NAME, props.idempotencyTable().getTableName(),
            HandlerConfig.APPCONFIG_APPLICATION, props.featureFlags().applicationId(),
            HandlerConfig.APPCONFIG_ENVIRONMENT, props.featureFlags().environmentId(),
            HandlerConfig.APPCONFIG_PROFILE, props.featureFlags().profileId());
    FunctionFactory factory = props.factory();

    createOrder =
        factory.create(
            this,
            "CreateOrder",
            CreateOrderHandler.class,
            "Creates an order (POST /api/orders)",
            variables);
    props.ordersTable().grant(createOrder.function(), CREATE_ORDERS_ACTIONS.toArray(String[]::new));
    props
        .idempotencyTable()
        .grant(createOrder.function(), CREATE_IDEMPOTENCY_ACTIONS.toArray(String[]::new));
    props.featureFlags().grantRead(createOrder.function());

    getOrder =
        factory.create(
            this,
            "GetOrder",
            GetOrderHandler.class,
            "Reads an order (GET /api/orders/{id})",
            variables);
    props.ordersTable().grant(getOrder.function(), GET_ORDERS_ACTIONS.toArray(String[]::new));

    deleteOrder =
        factory.create(
            this,
            "DeleteOrder",
            DeleteOrderHandler.class,
            "Deletes an order (DELETE /api/orders/{id})",
            variables);
    props.ordersTable().grant(deleteOrder.function(), DELETE_ORDERS_ACTIONS.toArray(String[]::new));
  }

  /** The create function. */
  public ServiceFunction createOrder() {
    return createOrder;
  }

  /** The read function. */
  public ServiceFunction getOrder() {
    return getOrder;
  }

  /** The delete function. */
  public ServiceFunction deleteOrder() {
    return deleteOrder;
  }

  /** All functions, for monitoring. */
  public List<ServiceFunction> all() {
    return List.of(createOrder, getOrder, deleteOrder);
  }
}
