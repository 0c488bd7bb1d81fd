package ${package}.infra.constructs;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import software.amazon.awscdk.services.apigateway.IResource;
import software.amazon.awscdk.services.apigateway.IntegrationResponse;
import software.amazon.awscdk.services.apigateway.MethodOptions;
import software.amazon.awscdk.services.apigateway.MethodResponse;
import software.amazon.awscdk.services.apigateway.MockIntegration;
import software.amazon.awscdk.services.apigateway.PassthroughBehavior;

import ${package}.handlers.GatewayProblem;
import ${package}.handlers.Problem;

/**
 * The API's own answers to requests no route takes, as problem documents: 405 for another method of
 * a route's path, 404 for any other path. They are methods of the API (mock integrations), so they
 * require the same authorization as the routes.
 */
final class ProblemMocks {

  /** Content types the mocks answer for; any other type gets a 415 problem. */
  private static final List<String> MOCK_CONTENT_TYPES =
      List.of("application/json", "text/plain", "application/x-www-form-urlencoded");

  private ProblemMocks() {}

  /**
   * Answers every method the resource does not define with 405 and an Allow header: API Gateway
   * picks a resource's ANY method only when no explicit method matches.
   */
  static void addMethodNotAllowed(IResource resource, String allowed) {
    addMock(resource, GatewayProblem.METHOD_NOT_ALLOWED, Map.of("Allow", allowed));
  }

  /**
   * Answers 404 on the root and on every path below it that no route declares: API Gateway picks
   * the greedy {proxy+} resource only when no more specific resource has a matching method. Without
   * it, API Gateway would answer an unknown path with "Missing Authentication Token", the same type
   * as an unsigned request.
   */
  static void addNoRoute(IResource root) {
    addMock(root, GatewayProblem.NO_ROUTE, Map.of());
    addMock(root.addResource("{proxy+}"), GatewayProblem.NO_ROUTE, Map.of());
  }

  /**
   * An ANY method answering the problem's status with its body and the given headers. The maps are
   * sorted: Map.of iterates in an order that changes from one JVM to the next, and the API's
   * deployment id is a hash of the methods, so an unsorted map would redeploy the stage on every
   * synthesis.
   */
  private static void addMock(
      IResource resource, GatewayProblem problem, Map<String, String> headers) {
    String status = String.valueOf(problem.status());
    Map<String, String> integrationHeaders = new TreeMap<>();
    Map<String, Boolean> methodHeaders = new TreeMap<>();
    integrationHeaders.put("method.response.header.Content-Type", "'" + Problem.MEDIA_TYPE + "'");
    headers.forEach(
        (name, value) ->
            integrationHeaders.put("method.response.header." + name, "'" + value + "'"));
    integrationHeaders.keySet().forEach(name -> methodHeaders.put(name, true));
    MockIntegration integration =
        MockIntegration.Builder.create()
            .passthroughBehavior(PassthroughBehavior.NEVER)
            .requestTemplates(
                MOCK_CONTENT_TYPES.stream()
                    .collect(
                        Collectors.toMap(
                            type -> type,
                            type -> "{\"statusCode\": 200}",
                            (first, second) -> first,
                            TreeMap::new)))
            .integrationResponses(
                List.of(
                    IntegrationResponse.builder()
                        .statusCode(status)
                        .responseParameters(integrationHeaders)
                        .responseTemplates(
                            Map.of("application/json", ProblemGatewayResponses.template(problem)))
                        .build()))
            .build();
    resource.addMethod(
        "ANY",
        integration,
        MethodOptions.builder()
            .methodResponses(
                List.of(
                    MethodResponse.builder()
                        .statusCode(status)
                        .responseParameters(methodHeaders)
                        .build()))
            .build());
  }
}
