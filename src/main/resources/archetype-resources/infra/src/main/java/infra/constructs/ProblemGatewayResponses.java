package ${package}.infra.constructs;

import java.util.Map;
import java.util.TreeMap;
import software.amazon.awscdk.services.apigateway.GatewayResponseOptions;
import software.amazon.awscdk.services.apigateway.ResponseType;
import software.amazon.awscdk.services.apigateway.RestApi;

import ${package}.handlers.Problem;

/**
 * The errors API Gateway answers itself (missing signature, throttling, body too large and others)
 * as RFC 9457 problem documents, like the handlers' own errors.
 */
final class ProblemGatewayResponses {

  /** The scheme a 401 asks for (RFC 9110 requires a challenge): AWS Signature Version 4. */
  static final String SIGV4_CHALLENGE = "AWS4-HMAC-SHA256";

  private ProblemGatewayResponses() {}

  /** Adds a problem response for each gateway error type to the API. */
  static void addTo(RestApi api) {
    // Every path reaches a method (addNoRoute catches the unknown ones), so API Gateway answers
    // "Missing Authentication Token" only to an unsigned request for an AWS_IAM method.
    add(
        api,
        "MissingAuthentication",
        ResponseType.MISSING_AUTHENTICATION_TOKEN,
        401,
        "Unauthorized",
        "Sign the request with AWS Signature Version 4 (service execute-api)");
    add(
        api,
        "InvalidSignature",
        ResponseType.INVALID_SIGNATURE,
        401,
        "Unauthorized",
        "The signature does not match the request: sign it again with valid credentials");
    add(
        api,
        "ExpiredToken",
        ResponseType.EXPIRED_TOKEN,
        401,
        "Unauthorized",
        "The credentials have expired: refresh them and sign again");
    add(
        api,
        "AccessDenied",
        ResponseType.ACCESS_DENIED,
        403,
        "Forbidden",
        "The caller is not allowed to invoke this route (execute-api:Invoke)");
    add(
        api,
        "ResourceNotFound",
        ResponseType.RESOURCE_NOT_FOUND,
        404,
        "Not Found",
        "No route matches this method and path");
    add(
        api,
        "Throttled",
        ResponseType.THROTTLED,
        429,
        "Too Many Requests",
        "The request rate is above the API's limit: retry later");
    add(
        api,
        "QuotaExceeded",
        ResponseType.QUOTA_EXCEEDED,
        429,
        "Too Many Requests",
        "The request quota is used up: retry later");
    add(
        api,
        "RequestTooLarge",
        ResponseType.REQUEST_TOO_LARGE,
        413,
        "Content Too Large",
        "The request body is larger than the API accepts");
    add(
        api,
        "UnsupportedMediaType",
        ResponseType.UNSUPPORTED_MEDIA_TYPE,
        415,
        "Unsupported Media Type",
        "Send the request body as application/json");
    add(
        api,
        "WafFiltered",
        ResponseType.WAF_FILTERED,
        403,
        "Forbidden",
        "The web application firewall blocked this request");
    add(
        api,
        "IntegrationTimeout",
        ResponseType.INTEGRATION_TIMEOUT,
        504,
        "Gateway Timeout",
        "The service did not answer in time");
    // Catch-alls keep the problem format for anything else; their status varies, so the body
    // leaves it to the HTTP status line.
    add(api, "Default4xx", ResponseType.DEFAULT_4_XX, null, "Request Rejected", null);
    add(api, "Default5xx", ResponseType.DEFAULT_5_XX, null, "Gateway Error", null);
  }

  private static void add(
      RestApi api, String id, ResponseType type, Integer status, String title, String detail) {
    Map<String, String> headers = new TreeMap<>();
    headers.put("Content-Type", "'" + Problem.MEDIA_TYPE + "'");
    if (Integer.valueOf(401).equals(status)) {
      headers.put("WWW-Authenticate", "'" + SIGV4_CHALLENGE + "'");
    }
    GatewayResponseOptions.Builder options =
        GatewayResponseOptions.builder()
            .type(type)
            .responseHeaders(headers)
            .templates(Map.of("application/json", template(status, title, detail)));
    if (status != null) {
      options.statusCode(String.valueOf(status));
    }
    api.addGatewayResponse(id, options.build());
  }

  /**
   * A problem document as an API Gateway mapping template, with the request id for support. Without
   * a fixed detail, the gateway's own error message is used.
   */
  static String template(Integer status, String title, String detail) {
    String statusMember = status == null ? "" : ",\"status\":" + status;
    String detailValue = detail == null ? "$context.error.messageString" : "\"" + detail + "\"";
    return "{\"type\":\"about:blank\",\"title\":\""
        + title
        + "\""
        + statusMember
        + ",\"detail\":"
        + detailValue
        + ",\"instance\":\"$context.path\",\"requestId\":\"$context.requestId\"}";
  }
}
