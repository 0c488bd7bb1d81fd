package ${package}.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** The account's API Gateway logging role: a stack of its own, kept, that the service needs. */
class ApiGatewayAccountStackTest {

  @Test
  void app_setsTheAccountLoggingRoleInASharedKeptStackTheServiceDependsOn() {
    // Given
    ServiceStack service = TestApps.serviceStack(Map.of());
    Stack account =
        (Stack) service.getNode().getScope().getNode().findChild(ApiGatewayAccountStack.STACK_NAME);

    // When
    Template template = Template.fromStack(account);

    // Then
    assertThat(account.getStackName()).isEqualTo(ApiGatewayAccountStack.STACK_NAME);
    assertThat(service.getDependencies()).contains(account);
    template.resourceCountIs("AWS::ApiGateway::Account", 1);
    template.allResources(
        "AWS::ApiGateway::Account", Match.objectLike(Map.of("DeletionPolicy", "Retain")));
    template.allResources("AWS::IAM::Role", Match.objectLike(Map.of("DeletionPolicy", "Retain")));
    assertThat(
            Annotations.fromStack(account)
                .findError("*", Match.stringLikeRegexp("AwsSolutions-.*")))
        .isEmpty();
  }

  @Test
  void accountStack_isTheSameWhicheverServiceStackDeploysIt() {
    // When
    Template dev = accountTemplate(Map.of(StackConfig.BRANCH_KEY, "feature/x"));
    Template production =
        accountTemplate(Map.of(StackConfig.ENVIRONMENT_KEY, "production", "alarmEmail", "a@b.c"));

    // Then: deploying it again from another branch or environment changes nothing
    assertThat(dev.toJSON()).isEqualTo(production.toJSON());
  }

  private static Template accountTemplate(Map<String, Object> context) {
    ServiceStack service = TestApps.serviceStack(context);
    return Template.fromStack(
        (Stack)
            service.getNode().getScope().getNode().findChild(ApiGatewayAccountStack.STACK_NAME));
  }
}
