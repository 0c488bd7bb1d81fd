package ${package}.handlers;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Every route of the API, in one table: method, path, the handler that serves it, the business
 * metric it counts and what it may touch. Infra builds one function per route with exactly these
 * grants, the API methods, their 405 Allow headers, alarms and dashboard widgets; the local API
 * serves every route and the cold-start benchmark starts every function; a test keeps {@code
 * api/openapi.yaml} in step. docs/extending.md walks through adding one.
 */
public enum Route {
  /** POST /api/orders. */
  CREATE_ORDER(
      "POST",
      "/api/orders",
      CreateOrderHandler.class,
      "OrdersCreated",
      Needs.tables(
              Table.ORDERS.allows(Action.PUT_ITEM),
              Table.IDEMPOTENCY.allows(Action.PUT_ITEM, Action.GET_ITEM, Action.UPDATE_ITEM))
          .withFeatureFlags()),
  /** GET /api/orders/{id}. */
  GET_ORDER(
      "GET",
      "/api/orders/{id}",
      GetOrderHandler.class,
      "OrdersRetrieved",
      Needs.tables(Table.ORDERS.allows(Action.GET_ITEM))),
  /** DELETE /api/orders/{id}. */
  DELETE_ORDER(
      "DELETE",
      "/api/orders/{id}",
      DeleteOrderHandler.class,
      "OrdersDeleted",
      Needs.tables(Table.ORDERS.allows(Action.DELETE_ITEM)));

  /** Name of the path parameter that carries an order id. */
  public static final String ORDER_ID_PARAMETER = "id";

  private final String method;
  private final String path;
  private final Class<? extends RouteHandler> handler;
  private final String businessMetric;
  private final Needs needs;

  Route(
      String method,
      String path,
      Class<? extends RouteHandler> handler,
      String businessMetric,
      Needs needs) {
    this.method = method;
    this.path = path;
    this.handler = handler;
    this.businessMetric = businessMetric;
    this.needs = needs;
  }

  /** The HTTP method, upper case. */
  public String method() {
    return method;
  }

  /** The API Gateway resource path, with {@code {name}} for each path parameter. */
  public String path() {
    return path;
  }

  /** The handler class; its function runs {@code handleRequest}. */
  public Class<? extends RouteHandler> handler() {
    return handler;
  }

  /** The business metric one successful request counts (in the service's metrics namespace). */
  public String businessMetric() {
    return businessMetric;
  }

  /** What the route's function may touch: infra grants exactly this. */
  public Needs needs() {
    return needs;
  }

  /** The function's short name, from the constant: {@code CREATE_ORDER} is {@code CreateOrder}. */
  public String functionName() {
    return Arrays.stream(name().split("_"))
        .map(word -> word.charAt(0) + word.substring(1).toLowerCase(Locale.ROOT))
        .collect(Collectors.joining());
  }

  /** The methods served on a path, in table order: the Allow header of a 405. */
  public static List<String> methodsOf(String path) {
    return Arrays.stream(values())
        .filter(route -> route.path.equals(path))
        .map(Route::method)
        .toList();
  }

  /** The distinct paths of the table, in table order. */
  public static List<String> paths() {
    return Arrays.stream(values()).map(Route::path).distinct().toList();
  }

  /**
   * What a route's function may touch.
   *
   * @param tables the tables and, for each, the only DynamoDB actions it calls
   * @param featureFlags whether it reads the feature flags (AppConfig)
   */
  public record Needs(List<TableAccess> tables, boolean featureFlags) implements Serializable {

    /** Access to these tables and no feature flags. */
    public static Needs tables(TableAccess... tables) {
      return new Needs(List.of(tables), false);
    }

    /** The same, plus reading the feature flags. */
    public Needs withFeatureFlags() {
      return new Needs(tables, true);
    }
  }

  /** The actions a route calls on one table. */
  public record TableAccess(Table table, List<Action> actions) implements Serializable {}

  /** The service's DynamoDB tables, as routes name them; infra maps each to its table. */
  public enum Table {
    /** The orders (dal.OrdersTable). */
    ORDERS(HandlerConfig.TABLE_NAME),
    /** The idempotency keys of creates (dal.IdempotencyTable). */
    IDEMPOTENCY(HandlerConfig.IDEMPOTENCY_TABLE_NAME);

    private final String environmentVariable;

    Table(String environmentVariable) {
      this.environmentVariable = environmentVariable;
    }

    /** The variable that passes the table's name to every function. */
    public String environmentVariable() {
      return environmentVariable;
    }

    /** Access to this table for exactly these actions. */
    public TableAccess allows(Action... actions) {
      return new TableAccess(this, List.of(actions));
    }
  }

  /** DynamoDB actions a route may call; a call not listed here is denied in AWS. */
  public enum Action {
    /** GetItem. */
    GET_ITEM("dynamodb:GetItem"),
    /** PutItem. */
    PUT_ITEM("dynamodb:PutItem"),
    /** UpdateItem. */
    UPDATE_ITEM("dynamodb:UpdateItem"),
    /** DeleteItem. */
    DELETE_ITEM("dynamodb:DeleteItem"),
    /** Query. */
    QUERY("dynamodb:Query");

    private final String iamAction;

    Action(String iamAction) {
      this.iamAction = iamAction;
    }

    /** The IAM action name, e.g. {@code dynamodb:GetItem}. */
    public String iamAction() {
      return iamAction;
    }
  }
}
