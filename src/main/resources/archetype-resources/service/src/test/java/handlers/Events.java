package ${package}.handlers;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent.RequestIdentity;
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

  /** GET /api/orders with these query string parameters. */
  public static APIGatewayProxyRequestEvent listOrders(Map<String, String> query) {
    APIGatewayProxyRequestEvent event = load("get-order.json");
    event.getRequestContext().setResourcePath("/api/orders");
    return event
        .withResource("/api/orders")
        .withPath("/api/orders")
        .withPathParameters(null)
        .withQueryStringParameters(query.isEmpty() ? null : new HashMap<>(query));
  }

  /** The event with one more header. */
  public static APIGatewayProxyRequestEvent withHeader(
      APIGatewayProxyRequestEvent event, String name, String value) {
    Map<String, String> headers = new HashMap<>(event.getHeaders());
    headers.put(name, value);
    return event.withHeaders(headers);
  }

  /**
   * The event as API Gateway's IAM authorization delivers it for a request signed by {@code caller}
   * ({@code <role or user id>[:<session name>]}) of {@code accountId}.
   */
  public static APIGatewayProxyRequestEvent signedBy(
      APIGatewayProxyRequestEvent event, String accountId, String caller) {
    RequestIdentity identity = event.getRequestContext().getIdentity();
    identity.setAccountId(accountId);
    identity.setCaller(caller);
    identity.setUserArn("arn:aws:sts::" + accountId + ":assumed-role/client/" + caller);
    return event;
  }

  /** The event as an API open to anyone delivers it: the identity names no caller. */
  public static APIGatewayProxyRequestEvent unsigned(APIGatewayProxyRequestEvent event) {
    RequestIdentity identity = event.getRequestContext().getIdentity();
    identity.setAccountId(null);
    identity.setCaller(null);
    identity.setUserArn(null);
    return event;
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
