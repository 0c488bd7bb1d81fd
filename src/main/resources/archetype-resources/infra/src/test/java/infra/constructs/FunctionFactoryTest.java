package ${package}.infra.constructs;

import static org.assertj.core.api.Assertions.assertThat;

import static ${package}.infra.PolicyMatch.withStatements;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.lambda.Runtime;

import ${package}.handlers.GetOrderHandler;
import ${package}.infra.TestApps;

/** The function factory alone: runtime-dependent SnapStart, alias and the function's own role. */
class FunctionFactoryTest {

  private static Template templateFor(Runtime runtime, Architecture architecture) {
    Stack stack = TestApps.bareStack();
    new FunctionFactory(
            runtime,
            architecture,
            TestApps.placeholderCode(),
            new StackLogs(stack, "Logs", RemovalPolicy.DESTROY),
            new StackMetrics("orders-dev", "orders"))
        .create(stack, "GetOrder", GetOrderHandler.class, "test", Map.of("TABLE_NAME", "t"));
    return Template.fromStack(stack);
  }

  @Test
  void java25OnX86_runsWithSnapStartBehindTheLiveAlias() {
    // When
    Template template = templateFor(Runtime.JAVA_25, Architecture.X86_64);

    // Then
    template.hasResourceProperties(
        "AWS::Lambda::Function",
        Match.objectLike(
            Map.of(
                "Runtime",
                "java25",
                "Architectures",
                List.of("x86_64"),
                "SnapStart",
                Map.of("ApplyOn", "PublishedVersions"),
                "Environment",
                Map.of(
                    "Variables",
                    Map.of(
                        "TABLE_NAME",
                        "t",
                        "POWERTOOLS_SERVICE_NAME",
                        "orders",
                        "POWERTOOLS_METRICS_NAMESPACE",
                        "orders-dev",
                        "JAVA_TOOL_OPTIONS",
                        FunctionFactory.JAVA_TOOL_OPTIONS,
                        FunctionFactory.EMF_ENVIRONMENT,
                        "Lambda")))));
    template.hasResourceProperties(
        "AWS::Lambda::Alias", Match.objectLike(Map.of("Name", FunctionFactory.ALIAS_NAME)));
  }

  @Test
  void runtimeWithoutSnapStart_stillPublishesAVersionBehindTheAlias() {
    // Given
    assertThat(Runtime.JAVA_8_CORRETTO.getSupportsSnapStart()).isFalse();

    // When
    Template template = templateFor(Runtime.JAVA_8_CORRETTO, Architecture.ARM_64);

    // Then
    template.hasResourceProperties(
        "AWS::Lambda::Function", Match.objectLike(Map.of("SnapStart", Match.absent())));
    template.resourceCountIs("AWS::Lambda::Version", 1);
    template.resourceCountIs("AWS::Lambda::Alias", 1);
  }

  @Test
  void logGroup_isTheFunctionsOwnAndOnlyItsRoleWritesThere() {
    // When
    Template template = templateFor(Runtime.JAVA_21, Architecture.ARM_64);

    // Then
    template.resourceCountIs("AWS::Logs::LogGroup", 1);
    template.hasResourceProperties(
        "AWS::Lambda::Function",
        Match.objectLike(
            Map.of(
                "LoggingConfig",
                Map.of("LogFormat", "JSON", "LogGroup", Map.of("Ref", Match.anyValue())))));
    template.hasResourceProperties(
        "AWS::IAM::Policy",
        Match.objectLike(
            Map.of(
                "PolicyDocument",
                withStatements(
                    Map.of(
                        "Action",
                        List.of("logs:CreateLogStream", "logs:PutLogEvents"),
                        "Resource",
                        Map.of("Fn::GetAtt", List.of(Match.anyValue(), "Arn")))))));
  }
}
