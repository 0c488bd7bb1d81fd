package ${package}.infra;

import static org.assertj.core.api.Assertions.assertThat;

import static ${package}.infra.TemplateQueries.actionsOf;
import static ${package}.infra.TemplateQueries.functionOf;
import static ${package}.infra.TemplateQueries.grantsOf;
import static ${package}.infra.TemplateQueries.onlyResource;
import static ${package}.infra.TemplateQueries.properties;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

import ${package}.dal.IdempotencyTable;
import ${package}.dal.OrdersTable;
import ${package}.handlers.CreateOrderHandler;
import ${package}.handlers.DeleteOrderHandler;
import ${package}.handlers.GetOrderHandler;
import ${package}.handlers.HandlerConfig;
import ${package}.handlers.ListOrdersHandler;
import ${package}.handlers.Needs;
import ${package}.handlers.Route;
import ${package}.handlers.TimeBudget;

/** The dev stack as {@code cdk synth} builds it: functions, API, tables, grants and outputs. */
class ServiceStackTest {

  private static final List<Class<?>> HANDLERS =
      Arrays.stream(Route.values()).<Class<?>>map(Route::handler).toList();

  private static ServiceProperties service;
  private static ServiceStack stack;
  private static Template template;
  private static String ordersTable;
  private static String idempotencyTable;

  @BeforeAll
  static void synthesize() {
    service = ServiceProperties.load();
    stack = TestApps.serviceStack(Map.of());
    template = Template.fromStack(stack);
    ordersTable =
        onlyResource(
            template,
            "AWS::DynamoDB::Table",
            Map.of(
                "KeySchema",
                List.of(
                    Map.of("AttributeName", OrdersTable.PARTITION_KEY, "KeyType", "HASH"),
                    Map.of("AttributeName", OrdersTable.OWNER, "KeyType", "RANGE"))));
    idempotencyTable =
        onlyResource(
            template,
            "AWS::DynamoDB::Table",
            Map.of(
                "KeySchema",
                List.of(
                    Map.of("AttributeName", IdempotencyTable.PARTITION_KEY, "KeyType", "HASH"))));
  }

  @Test
  void stackName_isServiceNameAndDevEnvironment() {
    // Then
    assertThat(stack.getStackName()).isEqualTo(service.serviceName() + "-dev");
  }

  @Test
  void functions_useTheGeneratedRuntimeArchitectureAndFastStartSettings() {
    // Then
    for (Class<?> handler : HANDLERS) {
      template.hasResourceProperties(
          "AWS::Lambda::Function",
          Match.objectLike(
              Map.of(
                  "Handler",
                  handler.getName() + "::handleRequest",
                  "Runtime",
                  "java" + service.javaVersion(),
                  "Architectures",
                  List.of(service.architectureName()),
                  "MemorySize",
                  1024,
                  "Timeout",
                  TimeBudget.FUNCTION_TIMEOUT.toSeconds(),
                  "TracingConfig",
                  Map.of("Mode", "Active"),
                  "LoggingConfig",
                  Match.objectLike(Map.of("LogFormat", "JSON")),
                  "SnapStart",
                  Map.of("ApplyOn", "PublishedVersions"),
                  "Environment",
                  Map.of(
                      "Variables",
                      Match.objectLike(
                          Map.of(
                              "JAVA_TOOL_OPTIONS",
                              "-XX:+TieredCompilation -XX:TieredStopAtLevel=1",
                              HandlerConfig.POWERTOOLS_SERVICE_NAME,
                              service.serviceName(),
                              HandlerConfig.POWERTOOLS_METRICS_NAMESPACE,
                              stack.getStackName()))))));
    }
  }

  @Test
  void functions_getEveryVariableHandlerConfigChecks() {
    // Then
    for (Class<?> handler : HANDLERS) {
      @SuppressWarnings("unchecked")
      Map<String, Object> variables =
          (Map<String, Object>)
              ((Map<String, Object>)
                      properties(template, functionOf(template, handler)).get("Environment"))
                  .get("Variables");
      assertThat(variables)
          .containsKeys(
              HandlerConfig.TABLE_NAME,
              HandlerConfig.IDEMPOTENCY_TABLE_NAME,
              HandlerConfig.APPCONFIG_APPLICATION,
              HandlerConfig.APPCONFIG_ENVIRONMENT,
              HandlerConfig.APPCONFIG_PROFILE);
      assertThat(variables.get(HandlerConfig.TABLE_NAME)).isEqualTo(Map.of("Ref", ordersTable));
    }
  }

  @Test
  void functions_areInvokedThroughAPublishedVersionAlias() {
    // Then
    int routes = Route.values().length;
    template.resourceCountIs("AWS::Lambda::Version", routes);
    template.resourcePropertiesCountIs(
        "AWS::Lambda::Alias", Match.objectLike(Map.of("Name", "live")), routes);
  }

  @Test
  void api_invokesEachAliasWithItsOwnRoleAndNoFunctionHasAResourcePolicy() {
    // Given: the role API Gateway assumes
    String invokeRole =
        onlyResource(
            template,
            "AWS::IAM::Role",
            Map.of(
                "AssumeRolePolicyDocument",
                Match.objectLike(
                    Map.of(
                        "Statement",
                        List.of(
                            Match.objectLike(
                                Map.of(
                                    "Principal",
                                    Map.of("Service", "apigateway.amazonaws.com"))))))));
    Map<String, Object> credentials = Map.of("Fn::GetAtt", List.of(invokeRole, "Arn"));

    // Then: AWS Control Tower CT.LAMBDA.PR.2 finds no function policy to judge
    template.resourceCountIs("AWS::Lambda::Permission", 0);
    template.resourcePropertiesCountIs(
        "AWS::ApiGateway::Method",
        Match.objectLike(
            Map.of(
                "Integration",
                Match.objectLike(
                    Map.of(
                        "Type", "AWS_PROXY",
                        "IntegrationHttpMethod", "POST",
                        "Credentials", credentials)))),
        Route.values().length);
    // The role may invoke each alias and nothing else (minimized policies list them in one).
    Set<Object> invocable = new HashSet<>();
    for (Map<String, Object> statement : statementsOf(invokeRole)) {
      assertThat(statement).containsEntry("Action", "lambda:InvokeFunction");
      if (statement.get("Resource") instanceof List<?> resources) {
        invocable.addAll(resources);
      } else {
        invocable.add(statement.get("Resource"));
      }
    }
    assertThat(invocable)
        .isEqualTo(
            template.findResources("AWS::Lambda::Alias").keySet().stream()
                .map(alias -> Map.of("Ref", alias))
                .collect(Collectors.toSet()));
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> statementsOf(String role) {
    List<Map<String, Object>> statements = new ArrayList<>();
    template
        .findResources(
            "AWS::IAM::Policy",
            Match.objectLike(
                Map.of(
                    "Properties", Match.objectLike(Map.of("Roles", List.of(Map.of("Ref", role)))))))
        .values()
        .forEach(
            policy ->
                statements.addAll(
                    (List<Map<String, Object>>)
                        ((Map<String, Object>)
                                ((Map<String, Object>) policy.get("Properties"))
                                    .get("PolicyDocument"))
                            .get("Statement")));
    return statements;
  }

  @Test
  void stage_logsErrorsWithoutBodiesToAnEncryptedExecutionLogGroupMadeBeforeIt() {
    // Given: the group API Gateway would otherwise make itself, unencrypted and kept forever
    String executionLogs =
        onlyResource(
            template,
            "AWS::Logs::LogGroup",
            Map.of(
                "LogGroupName",
                Match.objectLike(
                    Map.of(
                        "Fn::Join",
                        List.of("", Match.arrayWith(List.of("API-Gateway-Execution-Logs_")))))));

    // Then: AWS Control Tower CT.APIGATEWAY.PR.1
    template.hasResource(
        "AWS::ApiGateway::Stage",
        Match.objectLike(
            Map.of(
                "DependsOn",
                Match.arrayWith(List.of(executionLogs)),
                "Properties",
                Match.objectLike(
                    Map.of(
                        "MethodSettings",
                        List.of(
                            Match.objectLike(
                                Map.of(
                                    "HttpMethod", "*",
                                    "ResourcePath", "/*",
                                    "LoggingLevel", "ERROR",
                                    "DataTraceEnabled", false))))))));
  }

  @Test
  void devLogGroups_goWithTheStack() {
    // Then
    assertThat(
            template.findResources(
                "AWS::Logs::LogGroup", Match.objectLike(Map.of("DeletionPolicy", "Delete"))))
        .hasSize(template.findResources("AWS::Logs::LogGroup").size());
  }

  @ParameterizedTest
  @EnumSource(Route.class)
  void eachFunction_mayCallExactlyTheTableActionsAndFlagsOfItsRoute(Route route) {
    // Given
    Map<Needs.Table, String> tables =
        Map.of(Needs.Table.ORDERS, ordersTable, Needs.Table.IDEMPOTENCY, idempotencyTable);
    Map<String, Set<String>> expected = new HashMap<>();
    for (Needs.TableAccess access : route.needs().tables()) {
      Set<String> actions =
          access.actions().stream().map(Needs.Action::iamAction).collect(Collectors.toSet());
      if (access.indexes().isEmpty()) {
        expected.put(tables.get(access.table()), actions);
      }
      for (String index : access.indexes()) {
        expected.put(tables.get(access.table()) + "/index/" + index, actions);
      }
    }

    // When: the grants on the tables and on their indexes
    Map<String, Set<String>> grants = new HashMap<>(grantsOf(template, route.handler()));
    grants.keySet().removeIf(resource -> tables.values().stream().noneMatch(resource::startsWith));

    // Then
    assertThat(grants).isEqualTo(expected);
    assertThat(
            actionsOf(template, route.handler()).stream().anyMatch(a -> a.startsWith("appconfig:")))
        .isEqualTo(route.needs().featureFlags());
  }

  @Test
  void createFunction_mayOnlyWriteOrdersAndUseIdempotencyRecords() {
    // When
    Map<String, Set<String>> grants = grantsOf(template, CreateOrderHandler.class);

    // Then
    assertThat(grants.get(ordersTable)).containsExactly("dynamodb:PutItem");
    assertThat(grants.get(idempotencyTable))
        .containsExactlyInAnyOrder("dynamodb:PutItem", "dynamodb:GetItem", "dynamodb:UpdateItem");
    assertThat(actionsOf(template, CreateOrderHandler.class))
        .contains("appconfig:StartConfigurationSession", "appconfig:GetLatestConfiguration");
  }

  @Test
  void getFunction_mayOnlyReadOrders() {
    // When
    Map<String, Set<String>> grants = grantsOf(template, GetOrderHandler.class);

    // Then
    assertThat(grants.get(ordersTable)).containsExactly("dynamodb:GetItem");
    assertThat(grants).doesNotContainKey(idempotencyTable);
    assertThat(actionsOf(template, GetOrderHandler.class))
        .noneMatch(a -> a.startsWith("appconfig:"));
  }

  @Test
  void listFunction_mayOnlyQueryTheOwnersIndex() {
    // When
    Map<String, Set<String>> grants = grantsOf(template, ListOrdersHandler.class);

    // Then
    assertThat(grants.get(ordersTable + "/index/" + OrdersTable.BY_OWNER.index().name()))
        .containsExactly("dynamodb:Query");
    assertThat(grants).doesNotContainKeys(ordersTable, idempotencyTable);
  }

  @Test
  void noGrant_anywhere_coversEveryIndexOfATable() {
    assertThat(template.toJSON().toString()).doesNotContain("/index/*");
  }

  @Test
  void ordersTable_isKeyedByIdAndOwner_withTheOwnersIndex() {
    template.hasResourceProperties(
        "AWS::DynamoDB::Table",
        Match.objectLike(
            Map.of(
                "KeySchema",
                List.of(
                    Map.of("AttributeName", OrdersTable.PARTITION_KEY, "KeyType", "HASH"),
                    Map.of("AttributeName", OrdersTable.OWNER, "KeyType", "RANGE")),
                "GlobalSecondaryIndexes",
                Match.arrayWith(
                    List.of(
                        Match.objectLike(
                            Map.of(
                                "IndexName",
                                OrdersTable.BY_OWNER.index().name(),
                                "KeySchema",
                                List.of(
                                    Map.of("AttributeName", OrdersTable.OWNER, "KeyType", "HASH"),
                                    Map.of(
                                        "AttributeName",
                                        OrdersTable.CREATED_AT,
                                        "KeyType",
                                        "RANGE")),
                                "Projection",
                                Map.of("ProjectionType", "ALL"))))))));
  }

  @Test
  void deleteFunction_mayOnlyDeleteOrders() {
    // When
    Map<String, Set<String>> grants = grantsOf(template, DeleteOrderHandler.class);

    // Then
    assertThat(grants.get(ordersTable)).containsExactly("dynamodb:DeleteItem");
    assertThat(grants).doesNotContainKey(idempotencyTable);
    assertThat(actionsOf(template, DeleteOrderHandler.class))
        .noneMatch(a -> a.startsWith("appconfig:"));
  }

  @Test
  void functions_mayOnlyTouchTheirOwnLogsAndTraces() {
    // Then
    for (Class<?> handler : HANDLERS) {
      Set<String> wildcardActions = grantsOf(template, handler).getOrDefault("*", Set.of());
      assertThat(wildcardActions)
          .containsExactlyInAnyOrder("xray:PutTraceSegments", "xray:PutTelemetryRecords");
      assertThat(actionsOf(template, handler)).noneMatch(a -> a.endsWith(":*"));
    }
    template.resourceCountIs("AWS::IAM::ManagedPolicy", 0);
    template.allResourcesProperties(
        "AWS::IAM::Role", Match.objectLike(Map.of("ManagedPolicyArns", Match.absent())));
  }

  @Test
  void tables_areOnDemandRecoverableEncryptedAndExpireItems() {
    // Then
    for (String table : List.of(ordersTable, idempotencyTable)) {
      assertThat(properties(template, table))
          .containsEntry("BillingMode", "PAY_PER_REQUEST")
          .containsEntry(
              "PointInTimeRecoverySpecification", Map.of("PointInTimeRecoveryEnabled", true))
          .containsEntry("SSESpecification", Map.of("SSEEnabled", true))
          .containsEntry("DeletionProtectionEnabled", false);
    }
    assertThat(properties(template, ordersTable))
        .containsEntry(
            "TimeToLiveSpecification",
            Map.of("AttributeName", OrdersTable.TTL_ATTRIBUTE, "Enabled", true));
    assertThat(properties(template, idempotencyTable))
        .containsEntry(
            "TimeToLiveSpecification",
            Map.of("AttributeName", IdempotencyTable.TTL_ATTRIBUTE, "Enabled", true));
  }

  @Test
  void devTables_goWithTheStack() {
    // Then
    assertThat(
            template.findResources(
                "AWS::DynamoDB::Table", Match.objectLike(Map.of("DeletionPolicy", "Delete"))))
        .containsOnlyKeys(ordersTable, idempotencyTable);
  }

  @Test
  void api_routesEachOperationToItsFunctionAlias() {
    // Then
    for (Route route : Route.values()) {
      template.hasResourceProperties(
          "AWS::ApiGateway::Method",
          Match.objectLike(
              Map.of(
                  "HttpMethod",
                  route.method(),
                  "Integration",
                  Match.objectLike(Map.of("Type", "AWS_PROXY")))));
    }
    template.hasResourceProperties(
        "AWS::ApiGateway::Resource", Match.objectLike(Map.of("PathPart", "orders")));
    template.hasResourceProperties(
        "AWS::ApiGateway::Resource", Match.objectLike(Map.of("PathPart", "{id}")));
  }

  @Test
  void api_answersWrongMethodsWith405Problems() {
    // Then
    template.resourcePropertiesCountIs(
        "AWS::ApiGateway::Method",
        Match.objectLike(
            Map.of(
                "HttpMethod",
                "ANY",
                "Integration",
                Match.objectLike(
                    Map.of(
                        "Type",
                        "MOCK",
                        "IntegrationResponses",
                        List.of(
                            Match.objectLike(
                                Map.of(
                                    "StatusCode",
                                    "405",
                                    "ResponseParameters",
                                    Match.objectLike(
                                        Map.of(
                                            "method.response.header.Content-Type",
                                            "'application/problem+json'"))))))))),
        Route.paths().size());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"MISSING_AUTHENTICATION_TOKEN:401", "THROTTLED:429", "REQUEST_TOO_LARGE:413"})
  void api_answersItsOwnErrorsAsProblems(String typeAndStatus) {
    // Given
    String[] parts = typeAndStatus.split(":");

    // Then
    template.hasResourceProperties(
        "AWS::ApiGateway::GatewayResponse",
        Match.objectLike(
            Map.of(
                "ResponseType",
                parts[0],
                "StatusCode",
                parts[1],
                "ResponseParameters",
                Match.objectLike(
                    Map.of("gatewayresponse.header.Content-Type", "'application/problem+json'")),
                "ResponseTemplates",
                Map.of(
                    "application/json",
                    Match.stringLikeRegexp(".*\"status\":" + parts[1] + ",.*")))));
  }

  @Test
  void api_isNamedAfterItsStack_soThatItsMetricsAndAlarmsStayApartFromOtherStacks() {
    // Then
    template.hasResourceProperties(
        "AWS::ApiGateway::RestApi", Match.objectLike(Map.of("Name", stack.getStackName())));
  }

  @Test
  void apiStage_isThrottledTracedAndAccessLogged() {
    // Then
    template.hasResourceProperties(
        "AWS::ApiGateway::Stage",
        Match.objectLike(
            Map.of(
                "StageName",
                "v1",
                "TracingEnabled",
                true,
                "AccessLogSetting",
                Match.objectLike(Map.of("DestinationArn", Match.anyValue())),
                "MethodSettings",
                List.of(
                    Match.objectLike(
                        Map.of(
                            "HttpMethod",
                            "*",
                            "ResourcePath",
                            "/*",
                            "ThrottlingRateLimit",
                            100,
                            "ThrottlingBurstLimit",
                            200))))));
  }

  @Test
  void featureFlags_areDeployedToAnAppConfigEnvironmentNamedAfterTheStage() {
    // Then
    template.resourceCountIs("AWS::AppConfig::Application", 1);
    template.hasResourceProperties(
        "AWS::AppConfig::Environment", Match.objectLike(Map.of("Name", "dev")));
    template.resourceCountIs("AWS::AppConfig::Deployment", 1);
  }

  @Test
  void outputs_haveTheFixedIdsE2eTestsRead() {
    // Then
    assertThat(template.findOutputs("*"))
        .containsOnlyKeys(
            ServiceStack.API_URL_OUTPUT,
            ServiceStack.ORDERS_TABLE_OUTPUT,
            ServiceStack.IDEMPOTENCY_TABLE_OUTPUT);
    template.hasOutput(
        ServiceStack.API_URL_OUTPUT,
        Match.objectLike(
            Map.of(
                "Value",
                Map.of(
                    "Fn::Join",
                    List.of(
                        "",
                        Match.arrayWith(
                            List.of(
                                "https://", Match.stringLikeRegexp("\\.execute-api\\..*"))))))));
    template.hasOutput(
        ServiceStack.ORDERS_TABLE_OUTPUT,
        Match.objectLike(Map.of("Value", Map.of("Ref", ordersTable))));
    template.hasOutput(
        ServiceStack.IDEMPOTENCY_TABLE_OUTPUT,
        Match.objectLike(Map.of("Value", Map.of("Ref", idempotencyTable))));
  }

  @Test
  void devStack_hasNoWebApplicationFirewall() {
    // Then
    template.resourceCountIs("AWS::WAFv2::WebACL", 0);
    template.resourceCountIs("AWS::WAFv2::WebACLAssociation", 0);
  }
}
