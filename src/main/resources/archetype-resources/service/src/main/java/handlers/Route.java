package ${package}.handlers;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import ${package}.dal.OrdersTable;
import ${package}.handlers.Needs.Action;
import ${package}.handlers.Needs.Table;

/**
 * Every route of the API, in one table: method, path, the handler that serves it, the business
 * metric it counts, what it may touch (tables, their actions and the indexes it queries) and the
 * query string of its example. Infra builds one function per route with exactly these grants, the
 * API methods, their 405 Allow headers, alarms and dashboard widgets; the local API serves every
 * route and the cold-start benchmark starts every function; a test keeps {@code api/openapi.yaml}
 * in step. docs/extending.md walks through adding one.
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
  /** GET /api/orders: the caller's orders, newest first, a page at a time. */
  LIST_ORDERS(
      "GET",
      "/api/orders",
      ListOrdersHandler.class,
      "OrdersListed",
      Needs.tables(Table.ORDERS.queries(OrdersTable.BY_OWNER.index())),
      "limit=20"),
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
  private final String exampleQuery;

  Route(
      String method,
      String path,
      Class<? extends RouteHandler> handler,
      String businessMetric,
      Needs needs) {
    this(method, path, handler, businessMetric, needs, "");
  }

  Route(
      String method,
      String path,
      Class<? extends RouteHandler> handler,
      String businessMetric,
      Needs needs,
      String exampleQuery) {
    this.method = method;
    this.path = path;
    this.handler = handler;
    this.businessMetric = businessMetric;
    this.needs = needs;
    this.exampleQuery = exampleQuery;
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

  /**
   * The query string of the operation's example in {@code api/openapi.yaml} ({@code
   * name=value&...}, URL-encoded; empty for none): priming sends it. RouteTest keeps it equal to
   * the contract's.
   */
  public String exampleQuery() {
    return exampleQuery;
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
}
