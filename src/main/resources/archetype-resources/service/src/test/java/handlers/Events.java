package ${package}.handlers;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/** API Gateway REST proxy events stored under {@code events/}, as Lambda would deliver them. */
public final class Events {

  private static final ObjectMapper MAPPER =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private Events() {}

  /** POST /api/orders with a valid body. */
  public static APIGatewayProxyRequestEvent createOrder(String body) {
    return load("create-order.json").withBody(body);
  }

  /** GET /api/orders/{id}. */
  public static APIGatewayProxyRequestEvent getOrder(String id) {
    return withId(load("get-order.json"), id);
  }

  /** DELETE /api/orders/{id}. */
  public static APIGatewayProxyRequestEvent deleteOrder(String id) {
    return withId(load("delete-order.json"), id);
  }

  /** The event with one more header. */
  public static APIGatewayProxyRequestEvent withHeader(
      APIGatewayProxyRequestEvent event, String name, String value) {
    Map<String, String> headers = new HashMap<>(event.getHeaders());
    headers.put(name, value);
    return event.withHeaders(headers);
  }

  private static APIGatewayProxyRequestEvent withId(APIGatewayProxyRequestEvent event, String id) {
    return event.withPath("/api/orders/" + id).withPathParameters(Map.of("id", id));
  }

  private static APIGatewayProxyRequestEvent load(String name) {
    try (InputStream json = Events.class.getResourceAsStream("/events/" + name)) {
      return MAPPER.readValue(json, APIGatewayProxyRequestEvent.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
