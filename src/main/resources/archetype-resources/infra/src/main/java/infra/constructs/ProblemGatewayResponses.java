package ${package}.infra.constructs;

import static ${package}.handlers.GatewayProblem.BAD_REQUEST;
import static ${package}.handlers.GatewayProblem.BLOCKED;
import static ${package}.handlers.GatewayProblem.CONTENT_TOO_LARGE;
import static ${package}.handlers.GatewayProblem.FORBIDDEN;
import static ${package}.handlers.GatewayProblem.FUNCTION_FAILED;
import static ${package}.handlers.GatewayProblem.GATEWAY_ERROR;
import static ${package}.handlers.GatewayProblem.NO_ROUTE;
import static ${package}.handlers.GatewayProblem.TIMEOUT;
import static ${package}.handlers.GatewayProblem.TOO_MANY_REQUESTS;
import static ${package}.handlers.GatewayProblem.UNAUTHORIZED;
import static ${package}.handlers.GatewayProblem.UNSUPPORTED_MEDIA_TYPE;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import software.amazon.awscdk.services.apigateway.GatewayResponseOptions;
import software.amazon.awscdk.services.apigateway.IntegrationResponse;
import software.amazon.awscdk.services.apigateway.MethodOptions;
import software.amazon.awscdk.services.apigateway.MethodResponse;
import software.amazon.awscdk.services.apigateway.MockIntegration;
import software.amazon.awscdk.services.apigateway.PassthroughBehavior;
import software.amazon.awscdk.services.apigateway.Resource;
import software.amazon.awscdk.services.apigateway.ResponseType;
import software.amazon.awscdk.services.apigateway.RestApi;

import ${package}.handlers.GatewayProblem;
import ${package}.handlers.Problem;

/**
 * Every error API Gateway answers itself, as an RFC 9457 problem document like the handlers' own:
 * its gateway responses, and the 405 of a method a route's path does not serve. A gateway response
 * body cannot compute anything, so each error type gets a fixed status and the body repeats it:
 * every type is listed with its {@link GatewayProblem}, at the status AWS gives it, and the two
 * catch-alls (types AWS may add later) get a fixed status too.
 */
final class ProblemGatewayResponses {

  /** Content types the wrong-method mock answers for; any other type gets a 415 problem. */
  private static final List<String> MOCK_CONTENT_TYPES =
      List.of("application/json", "text/plain", "application/x-www-form-urlencoded");

  /** The answer of each gateway error type. */
  static final Map<ResponseType, GatewayProblem> ANSWERS = answers();

  private ProblemGatewayResponses() {}

  private static Map<ResponseType, GatewayProblem> answers() {
    Map<ResponseType, GatewayProblem> answers = new LinkedHashMap<>();
    // Without a matching resource API Gateway answers 403 "Missing Authentication Token".
    answers.put(ResponseType.MISSING_AUTHENTICATION_TOKEN, NO_ROUTE);
    answers.put(ResponseType.RESOURCE_NOT_FOUND, NO_ROUTE);
    answers.put(ResponseType.THROTTLED, TOO_MANY_REQUESTS);
    answers.put(ResponseType.QUOTA_EXCEEDED, TOO_MANY_REQUESTS);
    answers.put(ResponseType.REQUEST_TOO_LARGE, CONTENT_TOO_LARGE);
    answers.put(ResponseType.UNSUPPORTED_MEDIA_TYPE, UNSUPPORTED_MEDIA_TYPE);
    answers.put(ResponseType.WAF_FILTERED, BLOCKED);
    answers.put(ResponseType.ACCESS_DENIED, FORBIDDEN);
    answers.put(ResponseType.INVALID_API_KEY, FORBIDDEN);
    answers.put(ResponseType.INVALID_SIGNATURE, FORBIDDEN);
    answers.put(ResponseType.EXPIRED_TOKEN, FORBIDDEN);
    answers.put(ResponseType.UNAUTHORIZED, UNAUTHORIZED);
    answers.put(ResponseType.BAD_REQUEST_BODY, BAD_REQUEST);
    answers.put(ResponseType.BAD_REQUEST_PARAMETERS, BAD_REQUEST);
    answers.put(ResponseType.INTEGRATION_TIMEOUT, TIMEOUT);
    answers.put(ResponseType.INTEGRATION_FAILURE, TIMEOUT);
    answers.put(ResponseType.API_CONFIGURATION_ERROR, GATEWAY_ERROR);
    answers.put(ResponseType.AUTHORIZER_CONFIGURATION_ERROR, GATEWAY_ERROR);
    answers.put(ResponseType.AUTHORIZER_FAILURE, GATEWAY_ERROR);
    answers.put(ResponseType.DEFAULT_4_XX, BAD_REQUEST);
    // A function that fails or answers malformed; API Gateway's own default is 502 there.
    answers.put(ResponseType.DEFAULT_5_XX, FUNCTION_FAILED);
    return answers;
  }

  /** Adds a problem response for each gateway error type to the API. */
  static void addTo(RestApi api) {
    ANSWERS.forEach(
        (type, problem) ->
            api.addGatewayResponse(
                constructId(type),
                GatewayResponseOptions.builder()
                    .type(type)
                    .statusCode(String.valueOf(problem.status()))
                    .responseHeaders(Map.of("Content-Type", "'" + Problem.MEDIA_TYPE + "'"))
                    .templates(Map.of("application/json", template(problem)))
                    .build()));
  }

  /**
   * Answers every method the resource does not define with 405 and an Allow header: API Gateway
   * picks a resource's ANY method only when no explicit method matches.
   */
  static void addMethodNotAllowed(Resource resource, String allowed) {
    String body = template(GatewayProblem.METHOD_NOT_ALLOWED);
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
                        .statusCode("405")
                        .responseParameters(
                            sorted(
                                Map.of(
                                    "method.response.header.Content-Type",
                                        "'" + Problem.MEDIA_TYPE + "'",
                                    "method.response.header.Allow", "'" + allowed + "'")))
                        .responseTemplates(Map.of("application/json", body))
                        .build()))
            .build();
    resource.addMethod(
        "ANY",
        integration,
        MethodOptions.builder()
            .methodResponses(
                List.of(
                    MethodResponse.builder()
                        .statusCode("405")
                        .responseParameters(
                            sorted(
                                Map.of(
                                    "method.response.header.Content-Type", true,
                                    "method.response.header.Allow", true)))
                        .build()))
            .build());
  }

  /**
   * The map in key order. Map.of iterates in an order that changes from one JVM to the next, and
   * the API's deployment id is a hash of the methods: an unsorted map would redeploy the stage on
   * every synthesis.
   */
  private static <V> Map<String, V> sorted(Map<String, V> map) {
    return new TreeMap<>(map);
  }

  /** {@code DEFAULT_4XX} becomes {@code Default4xx}: stable ids, so no response is replaced. */
  private static String constructId(ResponseType type) {
    return Arrays.stream(type.getResponseType().split("_"))
        .map(word -> word.charAt(0) + word.substring(1).toLowerCase(Locale.ROOT))
        .collect(Collectors.joining());
  }

  /** A problem document as an API Gateway mapping template, with the request id for support. */
  static String template(GatewayProblem problem) {
    return "{\"type\":\"about:blank\",\"title\":\""
        + problem.title()
        + "\",\"status\":"
        + problem.status()
        + ",\"detail\":\""
        + problem.detail()
        + "\",\"instance\":\"$context.path\",\"requestId\":\"$context.requestId\"}";
  }
}
