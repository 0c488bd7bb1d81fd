package ${package}.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.function.Supplier;

import ${package}.handlers.StubContext;

/**
 * One API Gateway method: an HTTP method on a resource template such as {@code /api/orders/{id}},
 * served by one function. Keeps the function's idle instances and lends each to one request at a
 * time, as Lambda gives each concurrent request its own execution environment.
 */
final class LocalRoute {

  // API Gateway's integration limit: the longest a local request may run, as deployed.
  private static final Duration TIMEOUT = Duration.ofSeconds(29);

  private final String method;
  private final String template;
  private final String functionName;
  private final String[] segments;
  private final Supplier<
          ? extends RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent>>
      factory;
  private final Deque<RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent>>
      idle = new ConcurrentLinkedDeque<>();

  LocalRoute(
      String method,
      String template,
      String functionName,
      Supplier<? extends RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent>>
          factory) {
    this.method = method;
    this.template = template;
    this.functionName = functionName;
    this.segments = template.split("/", -1);
    this.factory = factory;
  }

  String method() {
    return method;
  }

  String template() {
    return template;
  }

  String functionName() {
    return functionName;
  }

  /** The decoded path parameters when the raw path fits the template, else null. */
  Map<String, String> match(String rawPath) {
    String[] parts = rawPath.split("/", -1);
    if (parts.length != segments.length) {
      return null;
    }
    Map<String, String> parameters = new LinkedHashMap<>();
    for (int i = 0; i < parts.length; i++) {
      String segment = segments[i];
      if (segment.startsWith("{") && segment.endsWith("}")) {
        if (parts[i].isEmpty()) {
          return null;
        }
        parameters.put(segment.substring(1, segment.length() - 1), ProxyEvents.decode(parts[i]));
      } else if (!segment.equals(parts[i])) {
        return null;
      }
    }
    return parameters;
  }

  /** Runs the event on an idle instance of the function, or on a new one (a cold start). */
  APIGatewayProxyResponseEvent invoke(APIGatewayProxyRequestEvent event) {
    RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> handler =
        idle.pollFirst();
    if (handler == null) {
      handler = factory.get();
    }
    try {
      return handler.handleRequest(event, StubContext.invocation(functionName, TIMEOUT));
    } finally {
      idle.offerFirst(handler);
    }
  }

  /**
   * The routes whose template fits the path. As in API Gateway, a literal segment wins over a path
   * parameter: {@code /api/orders/search} is not an order id.
   */
  static List<LocalRoute> mostSpecific(List<LocalRoute> routes, String rawPath) {
    List<LocalRoute> matches = new ArrayList<>();
    int fewestParameters = Integer.MAX_VALUE;
    for (LocalRoute route : routes) {
      Map<String, String> parameters = route.match(rawPath);
      if (parameters != null && parameters.size() < fewestParameters) {
        matches.clear();
        fewestParameters = parameters.size();
      }
      if (parameters != null && parameters.size() == fewestParameters) {
        matches.add(route);
      }
    }
    return matches;
  }
}
