package ${package}.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent.ProxyRequestContext;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent.RequestIdentity;
import com.sun.net.httpserver.HttpExchange;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Builds the event API Gateway's REST proxy integration would send for an HTTP request. */
final class ProxyEvents {

  /** Stage name in the request context; the local URL itself carries no stage prefix. */
  static final String STAGE = "local";

  private static final DateTimeFormatter REQUEST_TIME =
      DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH)
          .withZone(ZoneOffset.UTC);

  private ProxyEvents() {}

  /**
   * The proxy event for a request that matched {@code resource} (a template such as {@code
   * /api/orders/{id}}) with the given decoded path parameters.
   */
  static APIGatewayProxyRequestEvent from(
      HttpExchange exchange,
      String resource,
      Map<String, String> pathParameters,
      Optional<LocalCaller> caller,
      String body,
      String requestId) {
    String path = decode(exchange.getRequestURI().getRawPath());
    String sourceIp = exchange.getRemoteAddress().getAddress().getHostAddress();
    Instant now = Instant.now();

    Map<String, List<String>> multiHeaders = new LinkedHashMap<>();
    exchange.getRequestHeaders().forEach((name, values) -> multiHeaders.put(name, values));
    // Headers API Gateway adds in front of every integration.
    multiHeaders.putIfAbsent("X-Forwarded-For", List.of(sourceIp));
    multiHeaders.putIfAbsent("X-Forwarded-Proto", List.of("http"));
    multiHeaders.putIfAbsent(
        "X-Forwarded-Port", List.of(Integer.toString(exchange.getLocalAddress().getPort())));
    multiHeaders.putIfAbsent("X-Amzn-Trace-Id", List.of(traceId(now)));

    Map<String, List<String>> multiQuery = parseQuery(exchange.getRequestURI().getRawQuery());

    RequestIdentity identity = new RequestIdentity();
    identity.setSourceIp(sourceIp);
    identity.setUserAgent(first(multiHeaders, "User-Agent"));
    caller.ifPresent(signed -> signed.fill(identity));

    ProxyRequestContext context = new ProxyRequestContext();
    context.setAccountId("000000000000");
    context.setApiId("local");
    context.setResourceId("local");
    context.setStage(STAGE);
    context.setRequestId(requestId);
    context.setExtendedRequestId(requestId);
    context.setResourcePath(resource);
    context.setHttpMethod(exchange.getRequestMethod());
    context.setPath("/" + STAGE + path);
    context.setProtocol(exchange.getProtocol());
    context.setRequestTime(REQUEST_TIME.format(now));
    context.setRequestTimeEpoch(now.toEpochMilli());
    context.setDomainName(first(multiHeaders, "Host"));
    context.setIdentity(identity);

    return new APIGatewayProxyRequestEvent()
        .withResource(resource)
        .withPath(path)
        .withHttpMethod(exchange.getRequestMethod())
        .withHeaders(lastValues(multiHeaders))
        .withMultiValueHeaders(multiHeaders)
        .withQueryStringParameters(lastValues(multiQuery))
        .withMultiValueQueryStringParameters(multiQuery.isEmpty() ? null : multiQuery)
        .withPathParameters(pathParameters.isEmpty() ? null : pathParameters)
        .withStageVariables(null)
        .withRequestContext(context)
        .withBody(body)
        .withIsBase64Encoded(false);
  }

  /** An X-Ray trace id as API Gateway starts one: epoch seconds and 96 random bits, in hex. */
  private static String traceId(Instant now) {
    String random = UUID.randomUUID().toString().replace("-", "").substring(0, 24);
    return "Root=1-" + Long.toHexString(now.getEpochSecond()) + "-" + random;
  }

  /** Decodes a URL path: %XX escapes are decoded, a + stays a +. */
  static String decode(String raw) {
    return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  private static Map<String, List<String>> parseQuery(String rawQuery) {
    Map<String, List<String>> query = new LinkedHashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return query;
    }
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int equals = pair.indexOf('=');
      String name = equals < 0 ? pair : pair.substring(0, equals);
      String value = equals < 0 ? "" : pair.substring(equals + 1);
      query
          .computeIfAbsent(URLDecoder.decode(name, StandardCharsets.UTF_8), k -> new ArrayList<>())
          .add(URLDecoder.decode(value, StandardCharsets.UTF_8));
    }
    return query;
  }

  /** API Gateway's single-value maps keep the last value of a repeated name; null when empty. */
  private static Map<String, String> lastValues(Map<String, List<String>> multi) {
    if (multi.isEmpty()) {
      return null;
    }
    Map<String, String> single = new LinkedHashMap<>();
    multi.forEach((name, values) -> single.put(name, values.get(values.size() - 1)));
    return single;
  }

  private static String first(Map<String, List<String>> headers, String name) {
    return headers.entrySet().stream()
        .filter(e -> e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty())
        .map(e -> e.getValue().get(0))
        .findFirst()
        .orElse(null);
  }
}
