package ${package}.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * The SigV4 signing of the e2e client, without AWS: a local server records what arrives, and the
 * signature must be the one of exactly that request, as API Gateway recomputes it.
 */
class RequestSignerTest {

  private static final Clock NEW_YEAR =
      Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
  private static final StaticCredentialsProvider CREDENTIALS =
      StaticCredentialsProvider.create(
          AwsSessionCredentials.create("AKIDEXAMPLE", "secret", "session-token"));
  private static final RequestSigner SIGV4 =
      RequestSigner.sigV4(CREDENTIALS, "eu-west-2", NEW_YEAR);
  private static final String BODY = "{\"customerName\":\"Ada\",\"orderItemCount\":1}";

  /** A request as the server received it. */
  private record Received(String method, String path, Map<String, String> headers, String body) {}

  private final AtomicReference<Received> received = new AtomicReference<>();
  private HttpServer server;

  @BeforeEach
  void startServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          Map<String, String> headers = new LinkedHashMap<>();
          exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, values.get(0)));
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          received.set(
              new Received(
                  exchange.getRequestMethod(),
                  exchange.getRequestURI().getRawPath(),
                  headers,
                  body));
          // An answer the contract documents for POST /api/orders.
          byte[] problem =
              "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,\"detail\":\"d\"}"
                  .getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().set("Content-Type", "application/problem+json");
          exchange.sendResponseHeaders(400, problem.length);
          exchange.getResponseBody().write(problem);
          exchange.close();
        });
    server.start();
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
  }

  private String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @Test
  void signedRequest_carriesASigV4SignatureForExecuteApi() {
    // When
    new ApiClient(baseUrl(), SIGV4).post(ApiClient.ORDERS, BODY, Map.of("Idempotency-Key", "k-1"));

    // Then
    Received request = received.get();
    assertThat(header(request, "Authorization"))
        .startsWith(
            "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260101/eu-west-2/execute-api/aws4_request, ")
        .contains("SignedHeaders=content-type;host;idempotency-key;x-amz-content-sha256;")
        .contains(";x-amz-date;x-amz-security-token, Signature=");
    assertThat(header(request, "X-Amz-Date")).isEqualTo("20260101T000000Z");
    assertThat(header(request, "X-Amz-Security-Token")).isEqualTo("session-token");
  }

  @Test
  void signature_isTheOneOfTheRequestAsItArrived() {
    // Given
    new ApiClient(baseUrl(), SIGV4).post(ApiClient.ORDERS, BODY, Map.of("Idempotency-Key", "k-1"));
    Received request = received.get();

    // When: the receiver signs the signed headers, path and body it got, as API Gateway does
    String authorization = header(request, "Authorization");
    Map<String, String> signedHeaders = new LinkedHashMap<>();
    Arrays.stream(authorization.replaceAll(".*SignedHeaders=([^,]+),.*", "$1").split(";"))
        .filter(name -> !"host".equals(name) && !name.startsWith("x-amz-"))
        .forEach(name -> signedHeaders.put(name, header(request, name)));
    Map<String, String> recomputed =
        SIGV4.sign(
            request.method(),
            URI.create("http://" + header(request, "host") + request.path()),
            signedHeaders,
            request.body());

    // Then
    assertThat(recomputed.get("Authorization")).isEqualTo(authorization);
  }

  @Test
  void unsignedRequest_carriesNoSignature() {
    // When
    new ApiClient(baseUrl(), RequestSigner.UNSIGNED).post(ApiClient.ORDERS, BODY);

    // Then
    assertThat(received.get().headers().keySet())
        .noneMatch(name -> name.equalsIgnoreCase("Authorization"))
        .noneMatch(name -> name.equalsIgnoreCase("X-Amz-Date"));
  }

  @Test
  void signingWithoutARegion_failsWithWhatToSet() {
    assertThatThrownBy(() -> RequestSigner.sigV4(CREDENTIALS, "", NEW_YEAR))
        .hasMessageContaining("-De2e.region");
  }

  private static String header(Received request, String name) {
    return request.headers().entrySet().stream()
        .filter(header -> header.getKey().equalsIgnoreCase(name))
        .map(Map.Entry::getValue)
        .findFirst()
        .orElseThrow();
  }
}
