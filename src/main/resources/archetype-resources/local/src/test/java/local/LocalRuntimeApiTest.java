package ${package}.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Runtime API as the Lambda runtime client sees it, over real HTTP. */
class LocalRuntimeApiTest {

  private static final String FLAGS = "{\"tenPercentOffCampaign\": {\"enabled\": true}}";
  private static final String EVENT = "{\"httpMethod\": \"GET\"}";
  private static final Duration WAIT = Duration.ofSeconds(10);

  private final HttpClient http = HttpClient.newHttpClient();
  private LocalRuntimeApi api;

  @BeforeEach
  void start() throws IOException {
    api = LocalRuntimeApi.start(FLAGS);
  }

  @AfterEach
  void stop() {
    api.close();
    http.close();
  }

  @Test
  void handsOutTheEvent_andRecordsEachResponse() throws Exception {
    RuntimeSession session = api.open(EVENT, 2);

    for (int i = 0; i < 2; i++) {
      HttpResponse<String> next = get("/2018-06-01/runtime/invocation/next");
      assertThat(next.statusCode()).isEqualTo(200);
      assertThat(next.body()).isEqualTo(EVENT);
      String requestId = next.headers().firstValue("Lambda-Runtime-Aws-Request-Id").orElseThrow();
      assertThat(next.headers().firstValue("Lambda-Runtime-Deadline-Ms")).isPresent();
      assertThat(next.headers().firstValue("Lambda-Runtime-Invoked-Function-Arn")).isPresent();
      assertThat(session.await(Duration.ZERO)).isFalse();

      HttpResponse<String> answer =
          post("/2018-06-01/runtime/invocation/" + requestId + "/response", "{\"n\":" + i + "}");
      assertThat(answer.statusCode()).isEqualTo(202);
    }

    assertThat(session.await(WAIT)).isTrue();
    assertThat(session.response(0)).isEqualTo("{\"n\":0}");
    assertThat(session.response(1)).isEqualTo("{\"n\":1}");
    assertThat(session.handedOutNanos(1)).isGreaterThanOrEqualTo(session.answeredNanos(0));
    assertThat(session.answeredNanos(1)).isGreaterThanOrEqualTo(session.handedOutNanos(1));
  }

  @Test
  void holdsNextOnceEveryInvocationWasHandedOut_untilTheSessionEnds() throws Exception {
    RuntimeSession session = api.open(EVENT, 1);
    get("/2018-06-01/runtime/invocation/next");

    CompletableFuture<HttpResponse<String>> held =
        http.sendAsync(
            HttpRequest.newBuilder(uri("/2018-06-01/runtime/invocation/next")).build(),
            HttpResponse.BodyHandlers.ofString());
    Thread.sleep(200);
    assertThat(held).isNotDone();

    session.close();
    assertThat(held.get(WAIT.toSeconds(), TimeUnit.SECONDS).statusCode()).isEqualTo(500);
  }

  @Test
  void initError_failsTheSessionWithItsBody() throws Exception {
    RuntimeSession session = api.open(EVENT, 2);

    post("/2018-06-01/runtime/init/error", "{\"errorMessage\":\"Missing TABLE_NAME\"}");

    assertThatThrownBy(() -> session.await(WAIT))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("init error")
        .hasMessageContaining("Missing TABLE_NAME");
  }

  @Test
  void invocationError_failsTheSession() throws Exception {
    RuntimeSession session = api.open(EVENT, 1);
    String requestId =
        get("/2018-06-01/runtime/invocation/next")
            .headers()
            .firstValue("Lambda-Runtime-Aws-Request-Id")
            .orElseThrow();

    post("/2018-06-01/runtime/invocation/" + requestId + "/error", "{\"errorType\":\"Boom\"}");

    assertThatThrownBy(() -> session.await(WAIT)).hasMessageContaining("Boom");
  }

  @Test
  void standsInForAppConfig_withTheGivenFlags() throws Exception {
    HttpResponse<String> session = post("/configurationsessions", "{}");
    assertThat(session.statusCode()).isEqualTo(201);
    assertThat(session.body()).contains("InitialConfigurationToken");

    HttpResponse<String> configuration = get("/configuration?configuration_token=local-token");
    assertThat(configuration.statusCode()).isEqualTo(200);
    assertThat(configuration.body()).isEqualTo(FLAGS);
    assertThat(configuration.headers().firstValue("Next-Poll-Configuration-Token")).isPresent();
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(uri(path)).timeout(WAIT).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path, String body)
      throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(uri(path))
            .timeout(WAIT)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://" + api.address() + path);
  }
}
