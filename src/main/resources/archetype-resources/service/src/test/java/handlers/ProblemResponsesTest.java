package ${package}.handlers;

import static org.assertj.core.api.Assertions.assertThat;

import static ${package}.handlers.ProblemAssert.assertProblem;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

import ${package}.logic.IdempotencyConflictException;

class ProblemResponsesTest {

  @Test
  void routeNotFound_isA404Problem() {
    APIGatewayProxyResponseEvent response =
        ProblemResponses.routeNotFound(Events.getOrder("x").withPath("/api/unknown"));

    assertProblem(response, 404, "/api/unknown");
  }

  @Test
  void methodNotAllowed_isA405ProblemWithAllow() {
    APIGatewayProxyResponseEvent response =
        ProblemResponses.methodNotAllowed(
            Events.createOrder("{}").withHttpMethod("PUT"), Route.methodsOf("/api/orders"));

    assertProblem(response, 405, "/api/orders");
    assertThat(response.getHeaders())
        .containsEntry("Allow", String.join(", ", Route.methodsOf("/api/orders")));
  }

  static Stream<Arguments> failures() {
    return Stream.of(
        Arguments.of("call timeout", ApiCallTimeoutException.create(2000), 503),
        Arguments.of("attempt timeout", ApiCallAttemptTimeoutException.create(1000), 503),
        Arguments.of("connection refused", clientFailure(new ConnectException("refused")), 503),
        Arguments.of("connection reset", clientFailure(new SocketException("reset")), 503),
        Arguments.of("read timeout", clientFailure(new SocketTimeoutException("read")), 503),
        Arguments.of(
            "throughput exceeded",
            ProvisionedThroughputExceededException.builder()
                .statusCode(400)
                .awsErrorDetails(
                    AwsErrorDetails.builder()
                        .errorCode("ProvisionedThroughputExceededException")
                        .build())
                .build(),
            503),
        Arguments.of("throttling", serviceFailure("ThrottlingException", 400), 503),
        Arguments.of("internal server error", serviceFailure("InternalServerError", 500), 503),
        Arguments.of("service unavailable", serviceFailure("ServiceUnavailable", 503), 503),
        Arguments.of("access denied", serviceFailure("AccessDeniedException", 400), 500),
        Arguments.of(
            "no such table", ResourceNotFoundException.builder().statusCode(400).build(), 500),
        Arguments.of(
            "no credentials", SdkClientException.create("Unable to load credentials"), 500),
        Arguments.of("wrapped IO failure", new UncheckedIOException(new SocketException()), 500),
        Arguments.of("bug", new IllegalStateException("boom"), 500));
  }

  @ParameterizedTest(name = "{0} -> {2}")
  @MethodSource("failures")
  void failure_isAnOutageOrABug(String name, RuntimeException failure, int status) {
    // When
    APIGatewayProxyResponseEvent response =
        ProblemResponses.fromException(failure, Events.createOrder("{}"), new StubContext());

    // Then
    assertProblem(response, status, "/api/orders");
  }

  @Test
  void dependencyFailure_is503WithRetryAfterAndTheRequestId() {
    // When
    APIGatewayProxyResponseEvent response =
        ProblemResponses.fromException(
            ApiCallTimeoutException.create(2000), Events.createOrder("{}"), new StubContext());

    // Then
    JsonNode problem = assertProblem(response, 503, "/api/orders");
    assertThat(problem.path("title").asText()).isEqualTo("Service Unavailable");
    // The API Gateway request id of events/create-order.json
    assertThat(problem.path("requestId").asText())
        .isEqualTo("c6af9ac6-7b61-11e6-9a41-93e8deadbeef");
    assertThat(response.getHeaders())
        .containsEntry("Retry-After", Long.toString(TimeBudget.RETRY_AFTER.toSeconds()));
  }

  @Test
  void keyStillInProgress_is409WithRetryAfterTheLock() {
    // When
    APIGatewayProxyResponseEvent response =
        ProblemResponses.fromException(
            IdempotencyConflictException.inProgress(Duration.ofSeconds(7)),
            Events.createOrder("{}"),
            new StubContext());

    // Then
    assertProblem(response, 409, "/api/orders");
    assertThat(response.getHeaders()).containsEntry("Retry-After", "7");
  }

  @Test
  void keyUsedWithAnotherBody_is409WithoutRetryAfter() {
    // When
    APIGatewayProxyResponseEvent response =
        ProblemResponses.fromException(
            IdempotencyConflictException.differentBody(),
            Events.createOrder("{}"),
            new StubContext());

    // Then: no retry can succeed
    assertProblem(response, 409, "/api/orders");
    assertThat(response.getHeaders()).doesNotContainKey("Retry-After");
  }

  private static SdkClientException clientFailure(Exception cause) {
    return SdkClientException.create("Unable to execute HTTP request", cause);
  }

  private static AwsServiceException serviceFailure(String code, int status) {
    return DynamoDbException.builder()
        .statusCode(status)
        .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).build())
        .build();
  }

  @Test
  void unexpectedFailureWithoutGatewayRequestId_usesTheLambdaRequestId() {
    APIGatewayProxyResponseEvent response =
        ProblemResponses.fromException(
            new IllegalStateException("boom"),
            Events.createOrder("{}").withRequestContext(null),
            new StubContext());

    assertThat(ProblemAssert.json(response).path("requestId").asText())
        .isEqualTo(StubContext.AWS_REQUEST_ID);
  }
}
