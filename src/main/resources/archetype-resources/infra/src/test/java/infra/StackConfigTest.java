package ${package}.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.RemovalPolicy;

class StackConfigTest {

  private static final ServiceProperties SERVICE =
      new ServiceProperties("orders", "21", "arm64", "us-east-1", "orders-lambda", "iam");

  private static StackConfig configOf(Map<String, Object> context) {
    return StackConfig.fromContext(
        new App(AppProps.builder().context(context).build()).getNode(),
        SERVICE,
        TestApps.deployment());
  }

  @Test
  void noContext_isDevWithoutWaf() {
    // When
    StackConfig config = configOf(Map.of());

    // Then
    assertThat(config.environment()).isEqualTo(DeploymentEnvironment.DEV);
    assertThat(config.stackName()).isEqualTo("orders-dev");
    assertThat(config.wafEnabled()).isFalse();
    assertThat(config.alarmEmail()).isNull();
  }

  @Test
  void production_hasWafAndKeepsData() {
    // When
    StackConfig config = configOf(Map.of("environment", "production", "alarmEmail", "a@b.example"));

    // Then
    assertThat(config.wafEnabled()).isTrue();
    assertThat(config.environment().keepsData()).isTrue();
    assertThat(config.environment().removalPolicy()).isEqualTo(RemovalPolicy.RETAIN);
  }

  @Test
  void wafFlag_overridesTheEnvironmentDefault() {
    // Then
    assertThat(configOf(Map.of("waf", "true")).wafEnabled()).isTrue();
    assertThat(
            configOf(Map.of("environment", "production", "waf", false, "alarmEmail", "a@b.example"))
                .wafEnabled())
        .isFalse();
  }

  @Test
  void branchAndAlarmEmail_areRead() {
    // When
    StackConfig config = configOf(Map.of("branch", "fix-login", "alarmEmail", "team@example.com"));

    // Then
    assertThat(config.stackName()).isEqualTo("orders-dev-fix-login");
    assertThat(config.alarmEmail()).isEqualTo("team@example.com");
  }

  @Test
  void stagingAndProductionWithoutSubscriber_failNamingTheSetting() {
    // Then
    for (String environment : new String[] {"staging", "production"}) {
      assertThatThrownBy(() -> configOf(Map.of("environment", environment)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("alarms would reach no one")
          .hasMessageContaining("environments." + environment + ".alarmEmail in deployment.json");
    }
  }

  @Test
  void subscriberOfDeploymentJson_isTheDefault() {
    // Given
    DeploymentConfig deployment = TestApps.deployment();

    // When
    StackConfig config =
        StackConfig.fromContext(
            new App(AppProps.builder().context(Map.of("environment", "staging")).build()).getNode(),
            SERVICE,
            new DeploymentConfig(
                deployment.owner(),
                deployment.repository(),
                deployment.productionReviewers(),
                deployment.bootstrapQualifier(),
                deployment.createOidcProvider(),
                Map.of(
                    DeploymentEnvironment.DEV,
                    new DeploymentConfig.Target("111111111111", null),
                    DeploymentEnvironment.STAGING,
                    new DeploymentConfig.Target("222222222222", "staging@example.com"),
                    DeploymentEnvironment.PRODUCTION,
                    new DeploymentConfig.Target("333333333333", null))));

    // Then
    assertThat(config.alarmEmail()).isEqualTo("staging@example.com");
  }

  @Test
  void unknownEnvironment_failsNamingTheChoices() {
    // Then
    assertThatThrownBy(() -> configOf(Map.of("environment", "prod")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'prod'")
        .hasMessageContaining("dev, staging, production");
  }

  @Test
  void badWafFlag_fails() {
    // Then
    assertThatThrownBy(() -> configOf(Map.of("waf", "yes")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("waf='yes'");
  }
}
