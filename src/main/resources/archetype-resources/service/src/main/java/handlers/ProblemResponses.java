package ${package}.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;

import ${package}.logic.IdempotencyConflictException;
import ${package}.logic.OrderNotFoundException;
import ${package}.models.FieldError;
import ${package}.models.Json;
import ${package}.models.MalformedRequestException;
import ${package}.models.ValidationException;

/**
 * The one place that turns failures into HTTP answers: RFC 9457 problem details with the right
 * status. A dependency that stalls, cannot be reached or throttles becomes a 503 with {@code
 * Retry-After}: a retry may work. Anything else unexpected is a bug and becomes a 500. Both carry
 * the request id, never a stack trace.
 */
public final class ProblemResponses {

  /**
   * Metric (in the service namespace, with the service dimension) counting requests answered 503
   * because a dependency failed; infra alarms on it.
   */
  public static final String DEPENDENCY_FAILURES_METRIC = "DependencyFailures";

  /** The status of a dependency failure. */
  static final int SERVICE_UNAVAILABLE = 503;

  private static final Logger LOG = LoggerFactory.getLogger(ProblemResponses.class);
  private static final String ABOUT_BLANK = "about:blank";

  private ProblemResponses() {}

  /** Runs a route's action when the event's method is the route's, and maps whatever it throws. */
  static APIGatewayProxyResponseEvent handle(
      Route route,
      APIGatewayProxyRequestEvent event,
      Context context,
      Supplier<APIGatewayProxyResponseEvent> action) {
    if (!route.method().equalsIgnoreCase(String.valueOf(event.getHttpMethod()))) {
      return methodNotAllowed(event, Route.methodsOf(route.path()));
    }
    try {
      return action.get();
    } catch (RuntimeException e) {
      return fromException(e, event, context);
    }
  }

  /** Maps an exception thrown while serving the event. */
  static APIGatewayProxyResponseEvent fromException(
      RuntimeException failure, APIGatewayProxyRequestEvent event, Context context) {
    String instance = event.getPath();
    if (failure instanceof MalformedRequestException malformed) {
      return problem(400, "Bad Request", malformed.getMessage(), instance, null, null);
    }
    if (failure instanceof ValidationException invalid) {
      return problem(
          422,
          "Unprocessable Content",
          "The request breaks " + invalid.errors().size() + " rule(s): see errors",
          instance,
          invalid.errors(),
          null);
    }
    if (failure instanceof OrderNotFoundException) {
      return problem(404, "Not Found", "No order has this id", instance, null, null);
    }
    if (failure instanceof IdempotencyConflictException conflict) {
      APIGatewayProxyResponseEvent response =
          problem(409, "Conflict", conflict.getMessage(), instance, null, null);
      conflict
          .retryAfter()
          .ifPresent(
              wait -> response.getHeaders().put("Retry-After", Long.toString(wait.toSeconds())));
      return response;
    }
    String requestId = ApiRequests.requestId(event, context);
    if (isDependencyFailure(failure)) {
      // Not a bug, so not an ERROR line: the DependencyFailures metric has an alarm of its own.
      LOG.warn("Dependency unavailable serving request {}", requestId, failure);
      APIGatewayProxyResponseEvent response =
          problem(
              SERVICE_UNAVAILABLE,
              "Service Unavailable",
              "A service this API depends on did not answer in time or refused the request;"
                  + " retry after the time in Retry-After",
              instance,
              null,
              requestId);
      response.getHeaders().put("Retry-After", Long.toString(TimeBudget.RETRY_AFTER.toSeconds()));
      return response;
    }
    // The stack trace goes to the logs only; the client gets the id to quote.
    LOG.error("Unexpected failure serving request {}", requestId, failure);
    return problem(
        500,
        "Internal Server Error",
        "The request failed unexpectedly; quote the request id when reporting it",
        instance,
        null,
        requestId);
  }

  /**
   * Whether the failure is a dependency's, not ours: an SDK call that timed out or lost its
   * connection, or an AWS service that throttled or failed on its side (5xx). Other service errors
   * (access denied, no such table, a bad request) mean a misconfiguration or a bug: a retry cannot
   * help.
   */
  static boolean isDependencyFailure(RuntimeException failure) {
    if (failure instanceof AwsServiceException service) {
      return service.isThrottlingException() || service.statusCode() >= 500;
    }
    if (failure instanceof ApiCallTimeoutException
        || failure instanceof ApiCallAttemptTimeoutException) {
      return true;
    }
    // Refused, reset, unknown host, read timeout; not, say, missing credentials.
    return failure instanceof SdkClientException && causedByIo(failure);
  }

  private static boolean causedByIo(Throwable failure) {
    for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause()) {
      if (cause instanceof IOException) {
        return true;
      }
    }
    return false;
  }

  /** 404 for a path that no route serves. */
  public static APIGatewayProxyResponseEvent routeNotFound(APIGatewayProxyRequestEvent event) {
    return problem(
        404, "Not Found", "No route serves " + event.getPath(), event.getPath(), null, null);
  }

  /** 405 for a method the path does not serve, with the Allow header. */
  public static APIGatewayProxyResponseEvent methodNotAllowed(
      APIGatewayProxyRequestEvent event, List<String> allowed) {
    String allow = String.join(", ", allowed);
    APIGatewayProxyResponseEvent response =
        problem(
            405,
            "Method Not Allowed",
            "Method " + event.getHttpMethod() + " is not allowed here; allowed: " + allow,
            event.getPath(),
            null,
            null);
    response.getHeaders().put("Allow", allow);
    return response;
  }

  private static APIGatewayProxyResponseEvent problem(
      int status,
      String title,
      String detail,
      String instance,
      List<FieldError> errors,
      String requestId) {
    Problem problem = new Problem(ABOUT_BLANK, title, status, detail, instance, errors, requestId);
    return new APIGatewayProxyResponseEvent()
        .withStatusCode(status)
        .withHeaders(new HashMap<>(Map.of("Content-Type", Problem.MEDIA_TYPE)))
        .withBody(Json.write(problem));
  }
}
