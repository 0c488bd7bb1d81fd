package ${package}.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * An HTTP client of the API under test ({@code -De2e.baseUrl}): every response it returns has
 * already been checked against the API contract, so each e2e test is also a contract test.
 */
final class ApiClient {

  /** Path of the orders collection. */
  static final String ORDERS = "/api/orders";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ApiContract CONTRACT = ApiContract.load();

  private final String baseUrl;
  private final HttpClient http;

  private ApiClient(String baseUrl) {
    // The deployed ApiUrl ends with the stage and a slash; paths are appended to it.
    this.baseUrl = baseUrl.replaceAll("/+$", "");
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
  }

  /** A client of the API at {@code -De2e.baseUrl}; fails when the property is missing. */
  static ApiClient fromSystemProperty() {
    String baseUrl = System.getProperty("e2e.baseUrl", "");
    if (!baseUrl.matches("https?://.+")) {
      throw new IllegalStateException(
          "Set -De2e.baseUrl to the API under test (got '" + baseUrl + "')");
    }
    return new ApiClient(baseUrl);
  }

  /** Sends a request and checks the response against the contract. */
  Response send(String method, String path, String body, Map<String, String> headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .timeout(Duration.ofSeconds(30))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    headers.forEach(request::header);
    HttpResponse<String> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + baseUrl + path + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(method + " " + path + " was interrupted", e);
    }
    Response result =
        new Response(response.statusCode(), response.headers().map(), response.body());
    assertThat(CONTRACT.violations(method, path, result.status(), result.headers(), result.body()))
        .as(
            "%s %s answered %s %s: contract violations",
            method, path, result.status(), result.body())
        .isEmpty();
    return result;
  }

  Response post(String path, String body) {
    return send("POST", path, body, Map.of());
  }

  Response post(String path, String body, Map<String, String> headers) {
    return send("POST", path, body, headers);
  }

  Response get(String path) {
    return send("GET", path, null, Map.of());
  }

  Response delete(String path) {
    return send("DELETE", path, null, Map.of());
  }

  /** Creates an order and returns its id, failing unless the API answers 201. */
  String createOrder(String customerName, int itemCount) {
    Response created =
        post(
            ORDERS,
            "{\"customerName\":\"" + customerName + "\",\"orderItemCount\":" + itemCount + "}");
    assertThat(created.status()).as("create answered %s", created.body()).isEqualTo(201);
    return created.json().path("id").asText();
  }

  /** A response: status, headers and body text. */
  record Response(int status, Map<String, List<String>> headers, String body) {

    /** The body as JSON. */
    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new AssertionError("The body is not JSON: " + body, e);
      }
    }

    /** The first value of a header, ignoring the name's case, or null. */
    String header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty())
          .map(e -> e.getValue().get(0))
          .findFirst()
          .orElse(null);
    }
  }
}
