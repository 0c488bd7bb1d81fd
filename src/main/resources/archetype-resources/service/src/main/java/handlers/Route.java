package ${package}.handlers;

import java.util.Arrays;
import java.util.List;

/** The API's routes: method, API Gateway resource path, and the handler class that serves it. */
public enum Route {
  /** POST /api/orders. */
  CREATE_ORDER("POST", "/api/orders", CreateOrderHandler.class),
  /** GET /api/orders/{id}. */
  GET_ORDER("GET", "/api/orders/{id}", GetOrderHandler.class),
  /** DELETE /api/orders/{id}. */
  DELETE_ORDER("DELETE", "/api/orders/{id}", DeleteOrderHandler.class);

  /** Name of the path parameter that carries an order id. */
  public static final String ORDER_ID_PARAMETER = "id";

  private final String method;
  private final String resource;
  private final Class<?> handler;

  Route(String method, String resource, Class<?> handler) {
    this.method = method;
    this.resource = resource;
    this.handler = handler;
  }

  /** The HTTP method, upper case. */
  public String method() {
    return method;
  }

  /** The API Gateway resource path, with {@code {id}} for the path parameter. */
  public String resource() {
    return resource;
  }

  /** The handler class of this route. */
  public Class<?> handler() {
    return handler;
  }

  /** The methods served on a resource path, for the Allow header of a 405. */
  public static List<String> methodsOf(String resource) {
    return Arrays.stream(values())
        .filter(route -> route.resource.equals(resource))
        .map(Route::method)
        .toList();
  }
}
