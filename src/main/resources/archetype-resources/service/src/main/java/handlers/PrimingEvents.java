package ${package}.handlers;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent.ProxyRequestContext;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Synthetic API Gateway events for priming a route. None of them can create, change or find data:
 * the body is an empty JSON object, which no request model accepts, and every path parameter is
 * either not a UUID (answered 404 without any I/O) or a random one (reaches DynamoDB, finds
 * nothing). PrimingTest holds every route of the table to that.
 */
final class PrimingEvents {

  private static final Pattern PARAMETER = Pattern.compile("\\{([^/}]+)}");

  private PrimingEvents() {}

  /** The route's request with path parameters that are not ids: served without any I/O. */
  static APIGatewayProxyRequestEvent withoutIds(Route route) {
    return event(route, () -> "priming");
  }

  /** The route's request with random UUIDs as path parameters: reaches storage, finds nothing. */
  static APIGatewayProxyRequestEvent withUnknownIds(Route route) {
    return event(route, () -> UUID.randomUUID().toString());
  }

  private static APIGatewayProxyRequestEvent event(Route route, Supplier<String> parameterValue) {
    Map<String, String> parameters = new LinkedHashMap<>();
    Matcher matcher = PARAMETER.matcher(route.path());
    StringBuilder path = new StringBuilder();
    while (matcher.find()) {
      String value = parameterValue.get();
      parameters.put(matcher.group(1), value);
      matcher.appendReplacement(path, value);
    }
    matcher.appendTail(path);
    return new APIGatewayProxyRequestEvent()
        .withHttpMethod(route.method())
        .withResource(route.path())
        .withPath(path.toString())
        .withPathParameters(parameters)
        .withHeaders(Map.of("Content-Type", "application/json"))
        .withBody("{}")
        .withRequestContext(new ProxyRequestContext().withRequestId("priming"));
  }
}
