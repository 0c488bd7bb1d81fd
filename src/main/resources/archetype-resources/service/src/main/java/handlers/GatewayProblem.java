package ${package}.handlers;

/**
 * The problems API Gateway answers itself, before a function runs or instead of its answer. Infra
 * sets the gateway up to answer each error type with one of them, and the local API answers the
 * same, so both stay in step with {@code api/openapi.yaml}. A gateway answer cannot compute its
 * body, so each problem has a fixed status and the body repeats it, as the contract requires.
 */
public enum GatewayProblem {
  /** No route has this path. */
  NO_ROUTE(404, "Not Found", "No route matches this method and path"),
  /** The path is a route's, the method is not: the Allow header lists the methods. */
  METHOD_NOT_ALLOWED(
      405, "Method Not Allowed", "This resource allows only the methods in the Allow header"),
  /** The body is over API Gateway's 10 MB. */
  CONTENT_TOO_LARGE(413, "Content Too Large", "The request body is larger than the API accepts"),
  /** A body type API Gateway cannot map. */
  UNSUPPORTED_MEDIA_TYPE(
      415, "Unsupported Media Type", "Send the request body as application/json"),
  /** Over the stage's rate or a usage plan's quota. */
  TOO_MANY_REQUESTS(
      429, "Too Many Requests", "The request rate is above the API's limit: retry later"),
  /** The web application firewall blocked the request. */
  BLOCKED(403, "Forbidden", "The web application firewall blocked this request"),
  /** Unsigned, a signature that does not match, or expired credentials (api.auth iam). */
  UNAUTHORIZED(
      401,
      "Unauthorized",
      "Sign the request with AWS Signature Version 4 (service execute-api) and valid credentials"),
  /** The signing principal may not invoke the route (execute-api:Invoke). */
  FORBIDDEN(403, "Forbidden", "The caller may not make this request"),
  /** Parameters or body rejected by the gateway, or a client error of no other kind. */
  BAD_REQUEST(400, "Bad Request", "The gateway rejected the request"),
  /** The function failed (error, crash or timeout) or could not be invoked. */
  FUNCTION_FAILED(502, "Bad Gateway", "The service failed to answer: retry later"),
  /** The gateway's own set-up failed (integration, authorizer). */
  GATEWAY_ERROR(500, "Internal Server Error", "The gateway could not serve the request"),
  /** No answer from the service within API Gateway's integration timeout. */
  TIMEOUT(504, "Gateway Timeout", "The service did not answer in time");

  private final int status;
  private final String title;
  private final String detail;

  GatewayProblem(int status, String title, String detail) {
    this.status = status;
    this.title = title;
    this.detail = detail;
  }

  /** The HTTP status, also in the body. */
  public int status() {
    return status;
  }

  /** The problem's title. */
  public String title() {
    return title;
  }

  /** The problem's detail: fixed, since the gateway cannot compute it. */
  public String detail() {
    return detail;
  }
}
