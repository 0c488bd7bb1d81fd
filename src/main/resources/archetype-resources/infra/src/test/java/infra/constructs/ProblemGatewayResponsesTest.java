package ${package}.infra.constructs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The problem documents API Gateway answers with, once it has filled in its variables. */
class ProblemGatewayResponsesTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** What API Gateway does to the template: $context variables replaced by their values. */
  private static JsonNode render(String template) throws Exception {
    return JSON.readTree(
        template
            .replace("$context.error.messageString", "\"Missing Authentication Token\"")
            .replace("$context.path", "/v1/nowhere")
            .replace("$context.requestId", "c0ffee"));
  }

  @Test
  void fixedStatusProblem_isAnRfc9457Document() throws Exception {
    // When
    JsonNode problem =
        render(ProblemGatewayResponses.template(404, "Not Found", "No route matches"));

    // Then
    assertThat(problem.get("type").asText()).isEqualTo("about:blank");
    assertThat(problem.get("title").asText()).isEqualTo("Not Found");
    assertThat(problem.get("status").asInt()).isEqualTo(404);
    assertThat(problem.get("detail").asText()).isEqualTo("No route matches");
    assertThat(problem.get("instance").asText()).isEqualTo("/v1/nowhere");
    assertThat(problem.get("requestId").asText()).isEqualTo("c0ffee");
  }

  @Test
  void catchAllProblem_takesTheGatewayMessageAndLeavesTheStatusToHttp() throws Exception {
    // When
    JsonNode problem = render(ProblemGatewayResponses.template(null, "Gateway Error", null));

    // Then
    assertThat(problem.has("status")).isFalse();
    assertThat(problem.get("detail").asText()).isEqualTo("Missing Authentication Token");
  }
}
