package ${package}.infra.constructs;

import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.apigateway.AccessLogFormat;
import software.amazon.awscdk.services.apigateway.AuthorizationType;
import software.amazon.awscdk.services.apigateway.AwsIntegration;
import software.amazon.awscdk.services.apigateway.EndpointType;
import software.amazon.awscdk.services.apigateway.Integration;
import software.amazon.awscdk.services.apigateway.IntegrationOptions;
import software.amazon.awscdk.services.apigateway.JsonWithStandardFieldProps;
import software.amazon.awscdk.services.apigateway.LogGroupLogDestination;
import software.amazon.awscdk.services.apigateway.MethodLoggingLevel;
import software.amazon.awscdk.services.apigateway.MethodOptions;
import software.amazon.awscdk.services.apigateway.Resource;
import software.amazon.awscdk.services.apigateway.RestApi;
import software.amazon.awscdk.services.apigateway.Stage;
import software.amazon.awscdk.services.apigateway.StageOptions;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.logs.LogGroup;
import software.constructs.Construct;

import ${package}.handlers.Route;

/**
 * The REST API: each route of the {@link Route} table goes to its function, any other method of a
 * route's path gets a 405 problem with the Allow header and any other path a 404 problem ({@link
 * ProblemMocks}), and every error API Gateway answers itself is a problem document ({@link
 * ProblemGatewayResponses}). Every method, the 404 and 405 ones included, requires the
 * authorization of the props. API Gateway calls the functions with an invoke role of its own. Stage
 * throttling, JSON access logs, error execution logs and X-Ray tracing on.
 */
public class ApiConstruct extends Construct {

  /** Name of the stage, the first segment of every URL path. */
  public static final String STAGE_NAME = "v1";

  /** Steady-state requests per second the stage accepts before answering 429. */
  public static final int THROTTLING_RATE_LIMIT = 100;

  /** Burst of requests the stage accepts above the steady rate. */
  public static final int THROTTLING_BURST_LIMIT = 200;

  /**
   * @param functions the function of each route of the {@link Route} table
   * @param logs makes the access and execution log groups
   * @param authorization what every method requires of its callers, the 404 and 405 ones included
   */
  public record Props(
      Map<Route, ServiceFunction> functions, StackLogs logs, AuthorizationType authorization) {}

  private final RestApi api;
  private final LogGroup accessLogs;
  private final Role invokeRole;

  /** Creates the API, its routes, its stage and its gateway responses. */
  public ApiConstruct(Construct scope, String id, Props props) {
    super(scope, id);
    accessLogs = props.logs().logGroup(this, "AccessLogs");
    api =
        RestApi.Builder.create(this, "Api")
            // API Gateway metrics are keyed by API name: one per stack keeps alarms apart.
            .restApiName(Stack.of(this).getStackName())
            .description("Orders API")
            .endpointTypes(List.of(EndpointType.REGIONAL))
            .defaultMethodOptions(
                MethodOptions.builder().authorizationType(props.authorization()).build())
            // Execution logs are written with the account's API Gateway CloudWatch role, which the
            // app's ApiGatewayAccountStack sets once per account and region, not each API.
            .cloudWatchRole(false)
            .deployOptions(
                StageOptions.builder()
                    .stageName(STAGE_NAME)
                    .throttlingRateLimit(THROTTLING_RATE_LIMIT)
                    .throttlingBurstLimit(THROTTLING_BURST_LIMIT)
                    .tracingEnabled(true)
                    .metricsEnabled(true)
                    // Execution logs of errors only (CT.APIGATEWAY.PR.1), never bodies.
                    .loggingLevel(MethodLoggingLevel.ERROR)
                    .dataTraceEnabled(false)
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

    // Made by API Gateway on first use otherwise: unencrypted, never expiring, never deleted.
    LogGroup executionLogs =
        props
            .logs()
            .logGroup(
                this,
                "ExecutionLogs",
                "API-Gateway-Execution-Logs_" + api.getRestApiId() + "/" + STAGE_NAME);
    api.getDeploymentStage().getNode().addDependency(executionLogs);

    // API Gateway calls the functions with this role rather than through a resource policy on
    // each function (AWS::Lambda::Permission): no function policy admits any caller.
    invokeRole =
        Role.Builder.create(this, "InvokeRole")
            .assumedBy(new ServicePrincipal("apigateway.amazonaws.com"))
            .description("Lets the API of " + Stack.of(this).getStackName() + " call its functions")
            .build();
    for (String path : Route.paths()) {
      Resource resource = api.getRoot().resourceForPath(path);
      for (Route route : Route.values()) {
        if (route.path().equals(path)) {
          resource.addMethod(route.method(), invoke(props.functions().get(route)));
        }
      }
      ProblemMocks.addMethodNotAllowed(resource, String.join(", ", Route.methodsOf(path)));
    }
    ProblemMocks.addNoRoute(api.getRoot());
    ProblemGatewayResponses.addTo(api);
  }

  /**
   * The Lambda proxy integration of the function's alias, called with the invoke role: what
   * LambdaIntegration builds, less the AWS::Lambda::Permission it always adds.
   */
  private Integration invoke(ServiceFunction function) {
    function.alias().grantInvoke(invokeRole);
    return AwsIntegration.Builder.create()
        .proxy(true)
        .service("lambda")
        .path("2015-03-31/functions/" + function.alias().getFunctionArn() + "/invocations")
        .options(IntegrationOptions.builder().credentialsRole(invokeRole).build())
        .build();
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
