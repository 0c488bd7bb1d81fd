package ${package}.handlers;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent.ProxyRequestContext;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent.RequestIdentity;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Synthetic API Gateway events for priming a route. None of them can create, change or find data:
 * the body is an empty JSON object, which no request model accepts, every path parameter is either
 * not a UUID (answered 404 without any I/O) or a random one (reaches DynamoDB, finds nothing), and
 * the caller is one that owns no order, so a list finds nothing either. The query string is the
 * route's example, so that a list or search goes all the way to its query. PrimingTest holds every
 * route of the table to that.
 */
final class PrimingEvents {

  private static final Pattern PARAMETER = Pattern.compile("\\{([^/}]+)}");

  /** The account of the priming caller. */
  static final String PRIMING_ACCOUNT = "000000000000";

  /** Its principal: no signed request has it, since IAM principal ids start AIDA or AROA. */
  static final String PRIMING_PRINCIPAL = "priming";

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
        .withQueryStringParameters(query(route.exampleQuery()))
        .withBody("{}")
        .withRequestContext(
            new ProxyRequestContext()
                .withRequestId("priming")
                .withIdentity(
                    new RequestIdentity()
                        .withAccountId(PRIMING_ACCOUNT)
                        .withCaller(PRIMING_PRINCIPAL)));
  }

  /** The parameters of a {@code name=value&...} query string, decoded as API Gateway does. */
  static Map<String, String> query(String queryString) {
    Map<String, String> parameters = new LinkedHashMap<>();
    for (String pair : queryString.split("&")) {
      if (!pair.isEmpty()) {
        int equals = pair.indexOf('=');
        String name = equals < 0 ? pair : pair.substring(0, equals);
        String value = equals < 0 ? "" : pair.substring(equals + 1);
        parameters.putIfAbsent(
            URLDecoder.decode(name, StandardCharsets.UTF_8),
            URLDecoder.decode(value, StandardCharsets.UTF_8));
      }
    }
    return parameters.isEmpty() ? null : parameters;
  }
}
