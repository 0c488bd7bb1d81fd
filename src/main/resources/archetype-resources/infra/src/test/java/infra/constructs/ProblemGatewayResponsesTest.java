package ${package}.infra.constructs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.apigateway.ResponseType;

import ${package}.handlers.GatewayProblem;
import ${package}.infra.TestApps;

/**
 * The answers API Gateway gives itself, as deployed: every one is a problem document that conforms
 * to the Problem schema of api/openapi.yaml, and its body carries the status it is sent with.
 */
class ProblemGatewayResponsesTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path CONTRACT = Path.of("..", "api", "openapi.yaml");

  private static JsonNode problemSchema;
  private static Template template;

  @BeforeAll
  static void synthesize() throws IOException {
    problemSchema =
        new YAMLMapper()
            .readTree(CONTRACT.toFile())
            .path("components")
            .path("schemas")
            .path("Problem");
    template = Template.fromStack(TestApps.serviceStack(Map.of()));
  }

  @Test
  void everyGatewayErrorType_hasAFixedAnswer() throws IllegalAccessException {
    // Given: every type CDK knows, so a type added to API Gateway shows up here on upgrade
    Set<String> types = new TreeSet<>();
    for (Field field : ResponseType.class.getFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == ResponseType.class) {
        types.add(((ResponseType) field.get(null)).getResponseType());
      }
    }

    // When
    Set<String> answered =
        ProblemGatewayResponses.ANSWERS.keySet().stream()
            .map(ResponseType::getResponseType)
            .collect(Collectors.toCollection(TreeSet::new));

    // Then
    assertThat(types).isNotEmpty();
    assertThat(answered).isEqualTo(types);
    template.resourceCountIs("AWS::ApiGateway::GatewayResponse", types.size());
  }

  @Test
  void everyGatewayResponse_isAContractProblemWithItsStatus() {
    // When
    List<String> violations = new ArrayList<>();
    template
        .findResources("AWS::ApiGateway::GatewayResponse")
        .forEach(
            (id, resource) -> {
              Map<String, Object> properties = properties(resource);
              violations.addAll(
                  violations(
                      properties.get("ResponseType") + " " + id,
                      properties.get("StatusCode"),
                      body(properties.get("ResponseTemplates"))));
            });

    // Then
    assertThat(violations).isEmpty();
  }

  @Test
  void wrongMethodAnswers_areContractProblemsWithTheirStatus() {
    // When
    List<String> violations = new ArrayList<>();
    int mocks = 0;
    for (Map.Entry<String, Map<String, Object>> method :
        template.findResources("AWS::ApiGateway::Method").entrySet()) {
      Map<String, Object> integration = map(properties(method.getValue()).get("Integration"));
      if ("MOCK".equals(integration.get("Type"))) {
        mocks++;
        for (Object response : (List<?>) integration.get("IntegrationResponses")) {
          Map<String, Object> answer = map(response);
          violations.addAll(
              violations(
                  method.getKey(),
                  answer.get("StatusCode"),
                  body(answer.get("ResponseTemplates"))));
        }
      }
    }

    // Then
    assertThat(mocks).isPositive();
    assertThat(violations).isEmpty();
  }

  @Test
  void template_fillsInThePathAndTheRequestId() throws Exception {
    // When
    JsonNode problem = render(ProblemGatewayResponses.template(GatewayProblem.NO_ROUTE));

    // Then
    assertThat(problem.get("status").asInt()).isEqualTo(404);
    assertThat(problem.get("instance").asText()).isEqualTo("/v1/nowhere");
    assertThat(problem.get("requestId").asText()).isEqualTo("c0ffee");
  }

  /** How a rendered body breaks the contract's Problem schema or disagrees with the status. */
  private static List<String> violations(String what, Object statusCode, String body) {
    List<String> violations = new ArrayList<>();
    JsonNode problem;
    try {
      problem = render(body);
    } catch (IOException e) {
      return List.of(what + ": body is not JSON once rendered: " + body);
    }
    for (JsonNode required : problemSchema.path("required")) {
      if (!problem.has(required.asText())) {
        violations.add(what + ": lacks " + required.asText());
      }
    }
    JsonNode members = problemSchema.path("properties");
    problem
        .fieldNames()
        .forEachRemaining(
            name -> {
              JsonNode member = members.get(name);
              JsonNode value = problem.get(name);
              if (member == null) {
                violations.add(what + ": " + name + " is not in the Problem schema");
              } else if (!conforms(value, member)) {
                violations.add(what + ": " + name + " " + value + " breaks " + member);
              }
            });
    if (statusCode == null || !statusCode.toString().equals(problem.path("status").asText())) {
      violations.add(what + ": sent as " + statusCode + ", body says " + problem.path("status"));
    }
    return violations;
  }

  /** The schema's types of Problem members: strings, and integers within their bounds. */
  private static boolean conforms(JsonNode value, JsonNode member) {
    if (!"integer".equals(member.path("type").asText())) {
      return value.isTextual();
    }
    return value.isInt()
        && value.asInt() >= member.path("minimum").asInt(Integer.MIN_VALUE)
        && value.asInt() <= member.path("maximum").asInt(Integer.MAX_VALUE);
  }

  /** What API Gateway does to a template: $context variables replaced by their values. */
  private static JsonNode render(String template) throws IOException {
    return JSON.readTree(
        template.replace("$context.path", "/v1/nowhere").replace("$context.requestId", "c0ffee"));
  }

  private static String body(Object templates) {
    return String.valueOf(map(templates).get("application/json"));
  }

  private static Map<String, Object> properties(Map<String, Object> resource) {
    return map(resource.get("Properties"));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return (Map<String, Object>) value;
  }
}
