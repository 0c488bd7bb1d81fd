package ${package}.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import ${package}.handlers.GatewayProblem;
import ${package}.handlers.Problem;

/** How the local API answers over HTTP: a function's response, or API Gateway's own problems. */
final class HttpAnswers {

  private static final ObjectMapper JSON = new ObjectMapper();

  private HttpAnswers() {}

  /** Sends a function's proxy response as API Gateway does, with the request id header. */
  static void send(HttpExchange exchange, APIGatewayProxyResponseEvent response, String requestId)
      throws IOException {
    if (response.getHeaders() != null) {
      response
          .getHeaders()
          .forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
    }
    if (response.getMultiValueHeaders() != null) {
      response
          .getMultiValueHeaders()
          .forEach((name, values) -> exchange.getResponseHeaders().put(name, values));
    }
    exchange.getResponseHeaders().set("X-Amzn-RequestId", requestId);
    sendBody(exchange, response.getStatusCode(), responseBody(response));
  }

  private static byte[] responseBody(APIGatewayProxyResponseEvent response) {
    if (response.getBody() == null) {
      return new byte[0];
    }
    return Boolean.TRUE.equals(response.getIsBase64Encoded())
        ? Base64.getDecoder().decode(response.getBody())
        : response.getBody().getBytes(StandardCharsets.UTF_8);
  }

  /** The body, or null when it is larger than {@code maxBytes}. */
  static byte[] readBody(InputStream in, int maxBytes) throws IOException {
    byte[] body = in.readNBytes(maxBytes + 1);
    return body.length > maxBytes ? null : body;
  }

  /** Sends the same problem document as the gateway responses of the deployed API. */
  static void sendProblem(HttpExchange exchange, GatewayProblem gatewayProblem, String requestId)
      throws IOException {
    sendProblem(exchange, gatewayProblem, requestId, gatewayProblem.detail());
  }

  /** The same with a detail of the local API's own. */
  static void sendProblem(
      HttpExchange exchange, GatewayProblem gatewayProblem, String requestId, String detail)
      throws IOException {
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("type", "about:blank");
    problem.put("title", gatewayProblem.title());
    problem.put("status", gatewayProblem.status());
    problem.put("detail", detail);
    problem.put("instance", ProxyEvents.decode(exchange.getRequestURI().getRawPath()));
    problem.put("requestId", requestId);
    exchange.getResponseHeaders().set("Content-Type", Problem.MEDIA_TYPE);
    exchange.getResponseHeaders().set("X-Amzn-RequestId", requestId);
    sendBody(exchange, gatewayProblem.status(), JSON.writeValueAsBytes(problem));
  }

  private static void sendBody(HttpExchange exchange, int status, byte[] body) throws IOException {
    boolean noBody = status == 204 || status == 304 || "HEAD".equals(exchange.getRequestMethod());
    exchange.sendResponseHeaders(status, noBody ? -1 : body.length);
    if (!noBody) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }
}
