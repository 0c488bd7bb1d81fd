package ${package}.handlers;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Checks that a response is an RFC 9457 problem with the given status. */
final class ProblemAssert {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private ProblemAssert() {}

  /** Asserts the status, media type and problem members; returns the body for more checks. */
  static JsonNode assertProblem(APIGatewayProxyResponseEvent response, int status, String path) {
    assertThat(response.getStatusCode()).isEqualTo(status);
    assertThat(response.getHeaders()).containsEntry("Content-Type", "application/problem+json");
    JsonNode body = json(response);
    assertThat(body.path("type").asText()).isEqualTo("about:blank");
    assertThat(body.path("status").asInt()).isEqualTo(status);
    assertThat(body.path("title").asText()).isNotBlank();
    assertThat(body.path("detail").asText()).isNotBlank();
    assertThat(body.path("instance").asText()).isEqualTo(path);
    assertThat(body.has("errors")).isEqualTo(status == 422);
    assertThat(body.has("requestId")).isEqualTo(status == 500 || status == 503);
    // A 503 tells when to retry, in whole seconds (RFC 9110); a 409 may (a key still in
    // progress); no other problem does.
    if (status == 503) {
      assertThat(response.getHeaders().get("Retry-After")).matches("[1-9][0-9]*");
    } else if (status != 409) {
      assertThat(response.getHeaders()).doesNotContainKey("Retry-After");
    }
    return body;
  }

  static JsonNode json(APIGatewayProxyResponseEvent response) {
    try {
      return MAPPER.readTree(response.getBody());
    } catch (Exception e) {
      throw new AssertionError("Not JSON: " + response.getBody(), e);
    }
  }
}
