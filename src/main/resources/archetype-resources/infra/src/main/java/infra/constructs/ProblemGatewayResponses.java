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
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import software.amazon.awscdk.services.apigateway.GatewayResponseOptions;
import software.amazon.awscdk.services.apigateway.ResponseType;
import software.amazon.awscdk.services.apigateway.RestApi;

import ${package}.handlers.GatewayProblem;
import ${package}.handlers.Problem;

/**
 * Every error API Gateway answers itself, as an RFC 9457 problem document like the handlers' own
 * (the 404 and 405 of requests no route takes are {@link ProblemMocks}). A gateway response body
 * cannot compute anything, so each error type gets a fixed status and the body repeats it: every
 * type is listed with its {@link GatewayProblem}, at the status AWS gives it, and the two
 * catch-alls (types AWS may add later) get a fixed status too.
 */
final class ProblemGatewayResponses {

  /** The scheme a 401 asks for (RFC 9110 requires a challenge): AWS Signature Version 4. */
  static final String SIGV4_CHALLENGE = "AWS4-HMAC-SHA256";

  /** The answer of each gateway error type. */
  static final Map<ResponseType, GatewayProblem> ANSWERS = answers();

  private ProblemGatewayResponses() {}

  private static Map<ResponseType, GatewayProblem> answers() {
    Map<ResponseType, GatewayProblem> answers = new LinkedHashMap<>();
    // Every path reaches a method (ProblemMocks answers unknown ones), so API Gateway answers
    // "Missing Authentication Token" only to an unsigned request for an AWS_IAM method.
    answers.put(ResponseType.MISSING_AUTHENTICATION_TOKEN, UNAUTHORIZED);
    answers.put(ResponseType.RESOURCE_NOT_FOUND, NO_ROUTE);
    answers.put(ResponseType.THROTTLED, TOO_MANY_REQUESTS);
    answers.put(ResponseType.QUOTA_EXCEEDED, TOO_MANY_REQUESTS);
    answers.put(ResponseType.REQUEST_TOO_LARGE, CONTENT_TOO_LARGE);
    answers.put(ResponseType.UNSUPPORTED_MEDIA_TYPE, UNSUPPORTED_MEDIA_TYPE);
    answers.put(ResponseType.WAF_FILTERED, BLOCKED);
    answers.put(ResponseType.ACCESS_DENIED, FORBIDDEN);
    answers.put(ResponseType.INVALID_API_KEY, FORBIDDEN);
    answers.put(ResponseType.INVALID_SIGNATURE, UNAUTHORIZED);
    answers.put(ResponseType.EXPIRED_TOKEN, UNAUTHORIZED);
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
                    .responseHeaders(headers(problem))
                    .templates(Map.of("application/json", template(problem)))
                    .build()));
  }

  /** The problem's media type and, on a 401, the challenge RFC 9110 requires. */
  private static Map<String, String> headers(GatewayProblem problem) {
    Map<String, String> headers = new TreeMap<>();
    headers.put("Content-Type", "'" + Problem.MEDIA_TYPE + "'");
    if (problem == UNAUTHORIZED) {
      headers.put("WWW-Authenticate", "'" + SIGV4_CHALLENGE + "'");
    }
    return headers;
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
