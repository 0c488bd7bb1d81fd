package ${package}.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The local API server as API Gateway's stand-in: the proxy events it builds, its routing answers
 * and its failure answers. The orders routes themselves are covered by the e2e suite.
 */
class LocalApiServerIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final AtomicReference<APIGatewayProxyRequestEvent> LAST_EVENT =
      new AtomicReference<>();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private static LocalApiServer server;

  @BeforeAll
  static void startServer() throws IOException {
    RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> echo =
        (event, context) -> {
          LAST_EVENT.set(event);
          return new APIGatewayProxyResponseEvent()
              .withStatusCode(200)
              .withHeaders(Map.of("Content-Type", "text/plain"))
              .withMultiValueHeaders(Map.of("X-Function", List.of(context.getFunctionName())))
              .withBody("echo");
        };
    RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> failing =
        (event, context) -> {
          throw new IllegalStateException("boom");
        };
    server =
        LocalApiServer.start(
            0,
            db ->
                List.of(
                    new LocalRoute("GET", "/echo/{name}", "Echo", () -> echo),
                    new LocalRoute("POST", "/echo/{name}", "Echo", () -> echo),
                    new LocalRoute("GET", "/echo/literal", "Literal", () -> echo),
                    new LocalRoute("GET", "/fail", "Fail", () -> failing)));
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  @Test
  void request_becomesTheProxyEventOfApiGateway() throws Exception {
    // When
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(url("/echo/a%20b+c?x=1&x=2&y=z%26w"))
                .header("X-Multi", "first")
                .header("X-Multi", "second")
                .GET());

    // Then
    APIGatewayProxyRequestEvent event = LAST_EVENT.get();
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("X-Function")).hasValue("Echo");
    assertThat(event.getResource()).isEqualTo("/echo/{name}");
    assertThat(event.getPath()).isEqualTo("/echo/a b+c");
    assertThat(event.getHttpMethod()).isEqualTo("GET");
    assertThat(event.getPathParameters()).containsExactlyEntriesOf(Map.of("name", "a b+c"));
    assertThat(event.getQueryStringParameters()).containsEntry("x", "2").containsEntry("y", "z&w");
    assertThat(event.getMultiValueQueryStringParameters())
        .containsEntry("x", List.of("1", "2"))
        .containsEntry("y", List.of("z&w"));
    assertThat(header(event.getMultiValueHeaders(), "X-Multi"))
        .isEqualTo(List.of("first", "second"));
    assertThat(header(event.getHeaders(), "X-Multi")).isEqualTo("second");
    assertThat(header(event.getHeaders(), "X-Forwarded-For")).isEqualTo("127.0.0.1");
    assertThat(event.getBody()).isNull();
    assertThat(event.getIsBase64Encoded()).isFalse();
    assertThat(event.getRequestContext().getRequestId())
        .isNotBlank()
        .isEqualTo(response.headers().firstValue("X-Amzn-RequestId").orElseThrow());
    assertThat(event.getRequestContext().getResourcePath()).isEqualTo("/echo/{name}");
    assertThat(event.getRequestContext().getHttpMethod()).isEqualTo("GET");
    assertThat(event.getRequestContext().getStage()).isEqualTo(ProxyEvents.STAGE);
    assertThat(event.getRequestContext().getIdentity().getSourceIp()).isEqualTo("127.0.0.1");
    assertThat(event.getRequestContext().getRequestTimeEpoch()).isPositive();
  }

  @Test
  void signedRequest_isServedWithoutCheckingTheSignature() throws Exception {
    // When: a signature no one could verify
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(url("/echo/signed"))
                .header(
                    "Authorization",
                    "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260101/us-east-1/execute-api/"
                        + "aws4_request, SignedHeaders=host;x-amz-date, Signature=00")
                .header("X-Amz-Date", "20260101T000000Z")
                .GET());

    // Then: served, and the handler sees no caller, as behind an open API
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(LAST_EVENT.get().getRequestContext().getIdentity().getCaller()).isNull();
    assertThat(LAST_EVENT.get().getRequestContext().getIdentity().getAccountId()).isNull();
  }

  @Test
  void localCallerHeader_signsTheRequestAsThatPrincipal() throws Exception {
    // When
    send(
        HttpRequest.newBuilder(url("/echo/user"))
            .header(LocalCaller.HEADER, "arn:aws:iam::111111111111:user/alice")
            .GET());
    var user = LAST_EVENT.get().getRequestContext().getIdentity();
    send(
        HttpRequest.newBuilder(url("/echo/role"))
            .header(LocalCaller.HEADER, "arn:aws:sts::222222222222:assumed-role/orders-client/ci")
            .GET());
    var role = LAST_EVENT.get().getRequestContext().getIdentity();

    // Then: as API Gateway fills the identity of a signed IAM user and an assumed role
    assertThat(user.getAccountId()).isEqualTo("111111111111");
    assertThat(user.getCaller()).matches("AIDA[0-9A-F]{17}").isEqualTo(user.getUser());
    assertThat(user.getUserArn()).isEqualTo("arn:aws:iam::111111111111:user/alice");
    assertThat(role.getAccountId()).isEqualTo("222222222222");
    assertThat(role.getCaller()).matches("AROA[0-9A-F]{17}:ci");
  }

  @Test
  void localCallerHeader_thatNamesNoPrincipal_isA403ThatSaysWhatItMustBe() throws Exception {
    // When
    LAST_EVENT.set(null);
    HttpResponse<String> response =
        send(HttpRequest.newBuilder(url("/echo/x")).header(LocalCaller.HEADER, "alice").GET());

    // Then
    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(JSON.readTree(response.body()).path("detail").asText())
        .isEqualTo(LocalCaller.INVALID);
    assertThat(LAST_EVENT.get()).isNull();
  }

  @Test
  void literalSegment_winsOverAPathParameter() throws Exception {
    // When
    HttpResponse<String> response = send(HttpRequest.newBuilder(url("/echo/literal")).GET());

    // Then
    assertThat(response.headers().firstValue("X-Function")).hasValue("Literal");
    assertThat(LAST_EVENT.get().getResource()).isEqualTo("/echo/literal");
  }

  @Test
  void requestBody_arrivesAsText() throws Exception {
    // When
    send(
        HttpRequest.newBuilder(url("/echo/x"))
            .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Zoë\"}")));

    // Then
    APIGatewayProxyRequestEvent event = LAST_EVENT.get();
    assertThat(event.getBody()).isEqualTo("{\"name\":\"Zoë\"}");
    assertThat(event.getQueryStringParameters()).isNull();
  }

  @Test
  void unknownPath_isNotFoundProblem() throws Exception {
    // When
    HttpResponse<String> response = send(HttpRequest.newBuilder(url("/echo/x/y")).GET());

    // Then
    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    JsonNode problem = JSON.readTree(response.body());
    assertThat(problem.path("status").asInt()).isEqualTo(404);
    assertThat(problem.path("instance").asText()).isEqualTo("/echo/x/y");
    assertThat(problem.path("requestId").asText()).isNotBlank();
  }

  @Test
  void otherMethod_isMethodNotAllowedListingTheRoutesMethods() throws Exception {
    // When
    HttpResponse<String> response =
        send(HttpRequest.newBuilder(url("/echo/x")).method("DELETE", noBody()));

    // Then
    assertThat(response.statusCode()).isEqualTo(405);
    assertThat(response.headers().firstValue("Allow")).hasValue("GET, POST");
    assertThat(JSON.readTree(response.body()).path("title").asText())
        .isEqualTo("Method Not Allowed");
  }

  @Test
  void failingFunction_isBadGatewayProblem() throws Exception {
    // When
    HttpResponse<String> response = send(HttpRequest.newBuilder(url("/fail")).GET());

    // Then
    assertThat(response.statusCode()).isEqualTo(502);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(JSON.readTree(response.body()).path("status").asInt()).isEqualTo(502);
    assertThat(response.body()).doesNotContain("boom");
  }

  @Test
  void bodyOverTenMegabytes_isContentTooLarge() throws Exception {
    // Given
    byte[] body = new byte[LocalApiServer.MAX_BODY_BYTES + 1];

    // When
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(url("/echo/x"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));

    // Then
    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(JSON.readTree(response.body()).path("status").asInt()).isEqualTo(413);
  }

  private static URI url(String pathAndQuery) {
    return URI.create(server.baseUrl() + pathAndQuery);
  }

  private static HttpRequest.BodyPublisher noBody() {
    return HttpRequest.BodyPublishers.noBody();
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static <T> T header(Map<String, T> headers, String name) {
    return headers.entrySet().stream()
        .filter(e -> e.getKey().equalsIgnoreCase(name))
        .map(Map.Entry::getValue)
        .findFirst()
        .orElse(null);
  }
}
