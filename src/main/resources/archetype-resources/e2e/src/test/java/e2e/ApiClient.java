package ${package}.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An HTTP client of the API under test ({@code -De2e.baseUrl}), signing its requests when the API
 * requires it ({@link RequestSigner}): every response it returns has already been checked against
 * the API contract, so each e2e test is also a contract test.
 */
final class ApiClient {

  /** Path of the orders collection. */
  static final String ORDERS = "/api/orders";

  private static final ApiContract CONTRACT = ApiContract.load();

  /** The local API's stand-in for a signed caller: a header that exists only there. */
  static final String LOCAL_CALLER = "X-Local-Caller";

  private final String baseUrl;
  private final RequestSigner signer;
  private final HttpClient http;
  private final Map<String, String> callerHeaders;

  ApiClient(String baseUrl, RequestSigner signer) {
    this(baseUrl, signer, Map.of());
  }

  private ApiClient(String baseUrl, RequestSigner signer, Map<String, String> callerHeaders) {
    this.callerHeaders = Map.copyOf(callerHeaders);
    // The deployed ApiUrl ends with the stage and a slash; paths are appended to it.
    this.baseUrl = baseUrl.replaceAll("/+$", "");
    this.signer = signer;
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
    return new ApiClient(baseUrl, RequestSigner.fromSystemProperties());
  }

  /** Whether requests are signed, as an API that requires AWS_IAM authorization needs. */
  boolean signs() {
    return signer != RequestSigner.UNSIGNED;
  }

  /** The same API, called without a signature. */
  ApiClient unsigned() {
    return new ApiClient(baseUrl, RequestSigner.UNSIGNED);
  }

  /**
   * The local API, called as the IAM principal of this ARN ({@value #LOCAL_CALLER}); a deployed API
   * ignores the header, so only the local e2e run (LocalCallersE2E) uses this.
   */
  ApiClient asLocalCaller(String principalArn) {
    return new ApiClient(baseUrl, signer, Map.of(LOCAL_CALLER, principalArn));
  }

  /**
   * Sends a request, signed if the API requires it, and checks the response against the contract.
   */
  ApiResponse send(String method, String path, String body, Map<String, String> headers) {
    URI uri = URI.create(baseUrl + path);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .timeout(Duration.ofSeconds(30))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    Map<String, String> unsigned = new LinkedHashMap<>();
    if (body != null) {
      unsigned.put("Content-Type", "application/json");
    }
    unsigned.putAll(callerHeaders);
    unsigned.putAll(headers);
    signer.sign(method, uri, unsigned, body).forEach(request::header);
    HttpResponse<String> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + baseUrl + path + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(method + " " + path + " was interrupted", e);
    }
    ApiResponse result =
        new ApiResponse(response.statusCode(), response.headers().map(), response.body());
    assertThat(CONTRACT.violations(method, path, result.status(), result.headers(), result.body()))
        .as(
            "%s %s answered %s %s: contract violations",
            method, path, result.status(), result.body())
        .isEmpty();
    return result;
  }

  ApiResponse post(String path, String body) {
    return send("POST", path, body, Map.of());
  }

  ApiResponse post(String path, String body, Map<String, String> headers) {
    return send("POST", path, body, headers);
  }

  ApiResponse get(String path) {
    return send("GET", path, null, Map.of());
  }

  ApiResponse delete(String path) {
    return send("DELETE", path, null, Map.of());
  }

  /** Creates an order and returns its id, failing unless the API answers 201. */
  String createOrder(String customerName, int itemCount) {
    ApiResponse created =
        post(
            ORDERS,
            "{\"customerName\":\"" + customerName + "\",\"orderItemCount\":" + itemCount + "}");
    assertThat(created.status()).as("create answered %s", created.body()).isEqualTo(201);
    return created.json().path("id").asText();
  }
}
