package ${package}.infra.constructs;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.apigateway.AccessLogFormat;
import software.amazon.awscdk.services.apigateway.EndpointType;
import software.amazon.awscdk.services.apigateway.GatewayResponseOptions;
import software.amazon.awscdk.services.apigateway.IntegrationResponse;
import software.amazon.awscdk.services.apigateway.JsonWithStandardFieldProps;
import software.amazon.awscdk.services.apigateway.LambdaIntegration;
import software.amazon.awscdk.services.apigateway.LogGroupLogDestination;
import software.amazon.awscdk.services.apigateway.MethodOptions;
import software.amazon.awscdk.services.apigateway.MethodResponse;
import software.amazon.awscdk.services.apigateway.MockIntegration;
import software.amazon.awscdk.services.apigateway.PassthroughBehavior;
import software.amazon.awscdk.services.apigateway.Resource;
import software.amazon.awscdk.services.apigateway.ResponseType;
import software.amazon.awscdk.services.apigateway.RestApi;
import software.amazon.awscdk.services.apigateway.Stage;
import software.amazon.awscdk.services.apigateway.StageOptions;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.constructs.Construct;

/**
 * The REST API: {@code /api/orders} routes to the order functions; every error API Gateway answers
 * itself (unknown route, wrong method, throttling, body too large) is an RFC 9457 problem document
 * like the handlers' own errors. Stage throttling, JSON access logs and X-Ray tracing on.
 */
public class ApiConstruct extends Construct {

  /** Name of the stage, the first segment of every URL path. */
  public static final String STAGE_NAME = "v1";

  /** Steady-state requests per second the stage accepts before answering 429. */
  public static final int THROTTLING_RATE_LIMIT = 100;

  /** Burst of requests the stage accepts above the steady rate. */
  public static final int THROTTLING_BURST_LIMIT = 200;

  static final String PROBLEM_JSON = "application/problem+json";

  /** Content types the wrong-method mock answers for; any other type gets a 415 problem. */
  private static final List<String> MOCK_CONTENT_TYPES =
      List.of("application/json", "text/plain", "application/x-www-form-urlencoded");

  /**
   * @param createOrder handles POST /api/orders
   * @param getOrder handles GET /api/orders/{id}
   * @param deleteOrder handles DELETE /api/orders/{id}
   * @param logRetention how long access logs are kept
   * @param removalPolicy what stack deletion does to the access logs
   */
  public record Props(
      ServiceFunction createOrder,
      ServiceFunction getOrder,
      ServiceFunction deleteOrder,
      RetentionDays logRetention,
      RemovalPolicy removalPolicy) {}

  private final RestApi api;
  private final LogGroup accessLogs;

  /** Creates the API, its routes, its stage and its gateway responses. */
  public ApiConstruct(Construct scope, String id, Props props) {
    super(scope, id);
    accessLogs =
        LogGroup.Builder.create(this, "AccessLogs")
            .retention(props.logRetention())
            .removalPolicy(props.removalPolicy())
            .build();
    api =
        RestApi.Builder.create(this, "Api")
            // API Gateway metrics are keyed by API name: one per stack keeps alarms apart.
            .restApiName(Stack.of(this).getStackName())
            .description("Orders API")
            .endpointTypes(List.of(EndpointType.REGIONAL))
            // Execution logging needs an account-wide role; access logs cover each request.
            .cloudWatchRole(false)
            .deployOptions(
                StageOptions.builder()
                    .stageName(STAGE_NAME)
                    .throttlingRateLimit(THROTTLING_RATE_LIMIT)
                    .throttlingBurstLimit(THROTTLING_BURST_LIMIT)
                    .tracingEnabled(true)
                    .metricsEnabled(true)
                    .accessLogDestination(new LogGroupLogDestination(accessLogs))
                    .accessLogFormat(
                        AccessLogFormat.jsonWithStandardFields(
                            JsonWithStandardFieldProps.builder()
                                .caller(true)
                                .httpMethod(true)
                                .ip(true)
                                .protocol(true)
                                .requestTime(true)
                                .resourcePath(true)
                                .responseLength(true)
                                .status(true)
                                .user(true)
                                .build()))
                    .build())
            .build();

    // The stack exports the URL once, under the fixed id ApiUrl, instead of this hashed output.
    api.getNode().tryRemoveChild("Endpoint");

    Resource orders = api.getRoot().addResource("api").addResource("orders");
    orders.addMethod("POST", new LambdaIntegration(props.createOrder().alias()));
    addMethodNotAllowed(orders, "POST");

    Resource order = orders.addResource("{id}");
    order.addMethod("GET", new LambdaIntegration(props.getOrder().alias()));
    order.addMethod("DELETE", new LambdaIntegration(props.deleteOrder().alias()));
    addMethodNotAllowed(order, "GET, DELETE");

    addProblemResponses();
  }

  /**
   * Answers every method the resource does not define with 405 and an Allow header: API Gateway
   * picks a resource's ANY method only when no explicit method matches.
   */
  private static void addMethodNotAllowed(Resource resource, String allowed) {
    String body = problem(405, "Method Not Allowed", "This resource allows " + allowed);
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
                                    "method.response.header.Content-Type", "'" + PROBLEM_JSON + "'",
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

  private void addProblemResponses() {
    // Without a matching resource API Gateway answers 403 "Missing Authentication Token".
    addProblemResponse(
        "UnknownRoute",
        ResponseType.MISSING_AUTHENTICATION_TOKEN,
        404,
        "Not Found",
        "No route matches this method and path");
    addProblemResponse(
        "ResourceNotFound",
        ResponseType.RESOURCE_NOT_FOUND,
        404,
        "Not Found",
        "No route matches this method and path");
    addProblemResponse(
        "Throttled",
        ResponseType.THROTTLED,
        429,
        "Too Many Requests",
        "The request rate is above the API's limit: retry later");
    addProblemResponse(
        "QuotaExceeded",
        ResponseType.QUOTA_EXCEEDED,
        429,
        "Too Many Requests",
        "The request quota is used up: retry later");
    addProblemResponse(
        "RequestTooLarge",
        ResponseType.REQUEST_TOO_LARGE,
        413,
        "Content Too Large",
        "The request body is larger than the API accepts");
    addProblemResponse(
        "UnsupportedMediaType",
        ResponseType.UNSUPPORTED_MEDIA_TYPE,
        415,
        "Unsupported Media Type",
        "Send the request body as application/json");
    addProblemResponse(
        "WafFiltered",
        ResponseType.WAF_FILTERED,
        403,
        "Forbidden",
        "The web application firewall blocked this request");
    addProblemResponse(
        "IntegrationTimeout",
        ResponseType.INTEGRATION_TIMEOUT,
        504,
        "Gateway Timeout",
        "The service did not answer in time");
    // Catch-alls keep the problem format for anything else; their status varies, so the body
    // leaves it to the HTTP status line.
    addProblemResponse("Default4xx", ResponseType.DEFAULT_4_XX, null, "Request Rejected", null);
    addProblemResponse("Default5xx", ResponseType.DEFAULT_5_XX, null, "Gateway Error", null);
  }

  private void addProblemResponse(
      String id, ResponseType type, Integer status, String title, String detail) {
    GatewayResponseOptions.Builder options =
        GatewayResponseOptions.builder()
            .type(type)
            .responseHeaders(Map.of("Content-Type", "'" + PROBLEM_JSON + "'"))
            .templates(Map.of("application/json", problem(status, title, detail)));
    if (status != null) {
      options.statusCode(String.valueOf(status));
    }
    api.addGatewayResponse(id, options.build());
  }

  /**
   * A problem document as an API Gateway mapping template, with the request id for support. Without
   * a fixed detail, the gateway's own error message is used.
   */
  static String problem(Integer status, String title, String detail) {
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

  /**
   * The map in key order. Map.of iterates in an order that changes from one JVM to the next, and
   * the API's deployment id is a hash of the methods: an unsorted map would redeploy the stage on
   * every synthesis.
   */
  private static <V> Map<String, V> sorted(Map<String, V> map) {
    return new TreeMap<>(map);
  }

  /** The REST API. */
  public RestApi api() {
    return api;
  }

  /** The deployed stage. */
  public Stage stage() {
    return api.getDeploymentStage();
  }

  /** The access log group of the stage. */
  public LogGroup accessLogs() {
    return accessLogs;
  }
}
