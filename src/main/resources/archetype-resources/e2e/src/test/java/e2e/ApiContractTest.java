package ${package}.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The contract checker itself, without a server: it accepts what the document describes and rejects
 * drift. Runs in every build; the e2e suites apply the same checker to live responses.
 */
class ApiContractTest {

  private static final ApiContract CONTRACT = ApiContract.load();
  private static final Map<String, List<String>> JSON =
      Map.of("Content-Type", List.of("application/json"));
  private static final Map<String, List<String>> PROBLEM =
      Map.of("Content-Type", List.of("application/problem+json"));
  private static final String ORDER =
      "{\"id\":\"7f9c24e8-3b12-4fef-91e0-1c2d3e4f5a6b\",\"customerName\":\"Ada\","
          + "\"orderItemCount\":3,\"createdAt\":\"2026-01-01T10:00:00Z\",\"discountPercent\":0}";
  private static final String ITEM = "/api/orders/7f9c24e8-3b12-4fef-91e0-1c2d3e4f5a6b";

  @Test
  void document_isValidOpenApiWithOperationsOnEveryPath() {
    // RouteTest (service) holds the paths and methods to the route table.
    assertThat(CONTRACT.documentProblems()).isEmpty();
    assertThat(CONTRACT.document().getPaths())
        .isNotEmpty()
        .allSatisfy((path, item) -> assertThat(item.readOperations()).isNotEmpty());
  }

  @Test
  void documentedOrder_conforms() {
    assertThat(CONTRACT.violations("POST", "/api/orders", 201, JSON, ORDER)).isEmpty();
    assertThat(CONTRACT.violations("GET", ITEM, 200, JSON, ORDER)).isEmpty();
    assertThat(CONTRACT.violations("DELETE", ITEM, 204, Map.of(), "")).isEmpty();
  }

  @Test
  void orderWithAnUndocumentedField_isViolation() {
    String drifted = ORDER.replace("}", ",\"status\":\"NEW\"}");

    assertThat(CONTRACT.violations("GET", ITEM, 200, JSON, drifted)).isNotEmpty();
  }

  @Test
  void orderWithoutARequiredField_isViolation() {
    String drifted = ORDER.replace(",\"discountPercent\":0", "");

    assertThat(CONTRACT.violations("POST", "/api/orders", 201, JSON, drifted)).isNotEmpty();
  }

  @Test
  void undocumentedStatus_isViolation() {
    String problem = problem(400);

    assertThat(CONTRACT.violations("GET", ITEM, 400, PROBLEM, problem)).isNotEmpty();
  }

  @Test
  void problemServedAsPlainJson_isViolation() {
    assertThat(CONTRACT.violations("GET", ITEM, 404, JSON, problem(404))).isNotEmpty();
    assertThat(CONTRACT.violations("GET", ITEM, 404, PROBLEM, problem(404))).isEmpty();
  }

  @Test
  void validationProblemWithoutFieldErrors_isViolation() {
    String withErrors =
        problem(422)
            .replace("}", ",\"errors\":[{\"field\":\"orderItemCount\",\"message\":\"x\"}]}");

    assertThat(CONTRACT.violations("POST", "/api/orders", 422, PROBLEM, problem(422))).isNotEmpty();
    assertThat(CONTRACT.violations("POST", "/api/orders", 422, PROBLEM, withErrors)).isEmpty();
  }

  @Test
  void gatewayProblemWithoutItsStatus_isViolation() {
    // Given: what a failed function got from API Gateway's default 5xx answer, and what it gets now
    String withoutStatus = problem(502).replace(",\"status\":502", "");

    // Then
    assertThat(CONTRACT.violations("GET", ITEM, 502, PROBLEM, withoutStatus)).isNotEmpty();
    assertThat(CONTRACT.violations("GET", ITEM, 502, PROBLEM, problem(502))).isEmpty();
  }

  @Test
  void unknownRoute_mustBeNotFoundProblem() {
    // API Gateway's own answer to a path without a method, had the API no catch-all
    assertThat(
            CONTRACT.violations(
                "GET",
                "/api/customers",
                403,
                JSON,
                "{\"message\":\"Missing Authentication Token\"}"))
        .isNotEmpty();
    assertThat(CONTRACT.violations("GET", "/api/customers", 400, PROBLEM, problem(400)))
        .isNotEmpty();
    assertThat(CONTRACT.violations("GET", "/api/customers", 404, JSON, "{\"message\":\"x\"}"))
        .isNotEmpty();
    assertThat(CONTRACT.violations("GET", "/api/customers", 404, PROBLEM, problem(404))).isEmpty();
  }

  @Test
  void refusedSignature_mayAnswerAnyRequestAsAProblem() {
    Map<String, List<String>> challenge =
        Map.of(
            "Content-Type", List.of("application/problem+json"),
            "WWW-Authenticate", List.of("AWS4-HMAC-SHA256"));

    assertThat(CONTRACT.violations("POST", "/api/orders", 401, challenge, problem(401))).isEmpty();
    assertThat(CONTRACT.violations("DELETE", ITEM, 403, PROBLEM, problem(403))).isEmpty();
    assertThat(CONTRACT.violations("GET", "/api/customers", 401, challenge, problem(401)))
        .isEmpty();
    assertThat(CONTRACT.violations("PUT", "/api/orders", 403, PROBLEM, problem(403))).isEmpty();
    assertThat(CONTRACT.violations("GET", "/api/customers", 401, JSON, "{\"message\":\"x\"}"))
        .isNotEmpty();
    assertThat(CONTRACT.violations("GET", "/api/customers", 401, PROBLEM, problem(403)))
        .isNotEmpty();
  }

  @Test
  void wrongMethod_mustBeMethodNotAllowedListingTheDocumentedMethods() {
    Map<String, List<String>> allowDocumented =
        Map.of(
            "Content-Type",
            List.of("application/problem+json"),
            "Allow",
            List.of(String.join(", ", CONTRACT.methodsOf("/api/orders"))));
    Map<String, List<String>> allowOther =
        Map.of("Content-Type", List.of("application/problem+json"), "Allow", List.of("TRACE"));

    assertThat(CONTRACT.violations("PUT", "/api/orders", 405, allowDocumented, problem(405)))
        .isEmpty();
    assertThat(CONTRACT.violations("PUT", "/api/orders", 405, allowOther, problem(405)))
        .isNotEmpty();
    assertThat(CONTRACT.violations("PUT", "/api/orders", 404, PROBLEM, problem(404))).isNotEmpty();
  }

  private static String problem(int status) {
    return "{\"type\":\"about:blank\",\"title\":\"t\",\"status\":"
        + status
        + ",\"detail\":\"d\",\"instance\":\"/api/orders\"}";
  }
}
