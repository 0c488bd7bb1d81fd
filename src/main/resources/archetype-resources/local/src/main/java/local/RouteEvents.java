package ${package}.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;

import ${package}.handlers.Route;

/**
 * The API Gateway event of a successful request to each route: a stored event (signed by the caller
 * that owns {@code OrderFixtures.anOrder()}) reshaped to the route's method and path, the given
 * order id as every path parameter, and the query parameters and request body of the operation's
 * examples in {@code api/openapi.yaml}.
 */
final class RouteEvents {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String STORED_EVENT = "/events/get-order.json";

  private final JsonNode contract;
  private final ObjectNode stored;

  private RouteEvents(JsonNode contract, ObjectNode stored) {
    this.contract = contract;
    this.stored = stored;
  }

  /** Reads the contract and the stored event. */
  static RouteEvents load(Path openApi) {
    try (InputStream event = RouteEvents.class.getResourceAsStream(STORED_EVENT)) {
      if (event == null) {
        throw new IllegalStateException("No stored event " + STORED_EVENT + " on the class path");
      }
      return new RouteEvents(
          new YAMLMapper().readTree(openApi.toFile()), (ObjectNode) JSON.readTree(event));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + openApi + " or " + STORED_EVENT, e);
    }
  }

  /** The event, as JSON, of a request to {@code route} about the order {@code orderId}. */
  String eventFor(Route route, String orderId) {
    String path = route.path().replaceAll("\\{[^/}]+}", orderId);
    ObjectNode event = stored.deepCopy();
    event.put("resource", route.path()).put("path", path).put("httpMethod", route.method());
    ObjectNode parameters = event.putObject("pathParameters");
    for (String segment : route.path().split("/")) {
      if (segment.startsWith("{") && segment.endsWith("}")) {
        parameters.put(segment.substring(1, segment.length() - 1), orderId);
      }
    }
    if (parameters.isEmpty()) {
      event.putNull("pathParameters");
    }
    ObjectNode context = (ObjectNode) event.path("requestContext");
    context
        .put("resourcePath", route.path())
        .put("httpMethod", route.method())
        .put("path", "/" + context.path("stage").asText() + path);
    putExampleQuery(event, route);
    JsonNode example = requestExample(route);
    if (example == null) {
      event.putNull("body");
    } else {
      event.put("body", example.toString());
    }
    return event.toString();
  }

  /** The query parameters of the operation's examples, as API Gateway passes them. */
  private void putExampleQuery(ObjectNode event, Route route) {
    ObjectNode query = JSON.createObjectNode();
    ObjectNode multiQuery = JSON.createObjectNode();
    for (JsonNode parameter : operation(route).path("parameters")) {
      JsonNode resolved = resolve(parameter);
      if ("query".equals(resolved.path("in").asText()) && resolved.has("example")) {
        query.put(resolved.path("name").asText(), resolved.path("example").asText());
        multiQuery.putArray(resolved.path("name").asText()).add(resolved.path("example").asText());
      }
    }
    event.set("queryStringParameters", query.isEmpty() ? null : query);
    event.set("multiValueQueryStringParameters", multiQuery.isEmpty() ? null : multiQuery);
  }

  private JsonNode operation(Route route) {
    JsonNode operation =
        contract.path("paths").path(route.path()).path(route.method().toLowerCase(Locale.ROOT));
    if (operation.isMissingNode()) {
      throw new IllegalStateException(
          route.method() + " " + route.path() + " is not in the API contract");
    }
    return operation;
  }

  private JsonNode resolve(JsonNode node) {
    return node.has("$ref") ? contract.at(node.path("$ref").asText().substring(1)) : node;
  }

  private JsonNode requestExample(Route route) {
    JsonNode schema =
        resolve(
            operation(route)
                .path("requestBody")
                .path("content")
                .path("application/json")
                .path("schema"));
    return schema.has("example") ? schema.path("example") : null;
  }
}
