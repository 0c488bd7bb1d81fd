package ${package}.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import ${package}.models.Caller;
import ${package}.models.MalformedRequestException;

/** Reads the parts of an API Gateway proxy event the handlers need, tolerating absent parts. */
final class ApiRequests {

  private ApiRequests() {}

  /** The body as text, decoded when API Gateway sent it in base64. */
  static String body(APIGatewayProxyRequestEvent event) {
    String body = event.getBody();
    if (body == null || !Boolean.TRUE.equals(event.getIsBase64Encoded())) {
      return body;
    }
    try {
      return new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new MalformedRequestException("The request body is not valid base64");
    }
  }

  /** A path parameter, or an empty string when absent (which then matches no order). */
  static String pathParameter(APIGatewayProxyRequestEvent event, String name) {
    Map<String, String> parameters = event.getPathParameters();
    String value = parameters == null ? null : parameters.get(name);
    return value == null ? "" : value;
  }

  /**
   * A query string parameter, as API Gateway decoded it; the first value when repeated. An empty
   * value ({@code ?limit=}) counts as sent, so that the request model reports it.
   */
  static Optional<String> queryParameter(APIGatewayProxyRequestEvent event, String name) {
    Map<String, String> parameters = event.getQueryStringParameters();
    String value = parameters == null ? null : parameters.get(name);
    if (value != null) {
      return Optional.of(value);
    }
    Map<String, java.util.List<String>> repeated = event.getMultiValueQueryStringParameters();
    return Optional.ofNullable(repeated == null ? null : repeated.get(name))
        .flatMap(values -> values.stream().filter(Objects::nonNull).findFirst());
  }

  /** A header by name, whatever its case; the first value when repeated. */
  static Optional<String> header(APIGatewayProxyRequestEvent event, String name) {
    return valueOf(event.getHeaders(), name)
        .or(
            () ->
                valueOf(event.getMultiValueHeaders(), name)
                    .flatMap(values -> values.stream().filter(Objects::nonNull).findFirst()));
  }

  private static <V> Optional<V> valueOf(Map<String, V> headers, String name) {
    if (headers == null) {
      return Optional.empty();
    }
    return headers.entrySet().stream()
        .filter(header -> name.equalsIgnoreCase(header.getKey()) && header.getValue() != null)
        .map(Map.Entry::getValue)
        .findFirst();
  }

  /**
   * The AWS principal that signed the request, as API Gateway's IAM authorization identified it:
   * the Cognito identity for credentials of an identity pool, whose users share one role, else the
   * role or user; empty for a method open to anyone, where the identity names no caller.
   */
  static Optional<Caller> caller(APIGatewayProxyRequestEvent event) {
    APIGatewayProxyRequestEvent.ProxyRequestContext requestContext = event.getRequestContext();
    APIGatewayProxyRequestEvent.RequestIdentity identity =
        requestContext == null ? null : requestContext.getIdentity();
    if (identity == null || identity.getAccountId() == null || identity.getCaller() == null) {
      return Optional.empty();
    }
    if (identity.getCognitoIdentityId() != null) {
      return Optional.of(new Caller(identity.getAccountId(), identity.getCognitoIdentityId()));
    }
    return Optional.of(Caller.fromIdentity(identity.getAccountId(), identity.getCaller()));
  }

  /** The API Gateway request id (what clients see), else the Lambda request id. */
  static String requestId(APIGatewayProxyRequestEvent event, Context context) {
    APIGatewayProxyRequestEvent.ProxyRequestContext requestContext = event.getRequestContext();
    if (requestContext != null && requestContext.getRequestId() != null) {
      return requestContext.getRequestId();
    }
    return context == null ? "unknown" : context.getAwsRequestId();
  }
}
