package ${package}.handlers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HandlerConfigTest {

  private static Map<String, String> complete() {
    Map<String, String> env = new HashMap<>();
    env.put(HandlerConfig.TABLE_NAME, "orders");
    env.put(HandlerConfig.IDEMPOTENCY_TABLE_NAME, "idempotency");
    env.put(HandlerConfig.APPCONFIG_APPLICATION, "app");
    env.put(HandlerConfig.APPCONFIG_ENVIRONMENT, "dev");
    env.put(HandlerConfig.APPCONFIG_PROFILE, "flags");
    return env;
  }

  @Test
  void completeEnvironment_isRead() {
    assertThat(HandlerConfig.from(complete()))
        .isEqualTo(new HandlerConfig("orders", "idempotency", "app", "dev", "flags"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "TABLE_NAME",
        "IDEMPOTENCY_TABLE_NAME",
        "APPCONFIG_APPLICATION",
        "APPCONFIG_ENVIRONMENT",
        "APPCONFIG_PROFILE"
      })
  void missingVariable_failsWithItsName(String name) {
    Map<String, String> env = complete();
    env.remove(name);

    assertThatThrownBy(() -> HandlerConfig.from(env))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("Missing environment variable " + name);
  }

  @Test
  void blankVariable_countsAsMissing() {
    Map<String, String> env = complete();
    env.put(HandlerConfig.TABLE_NAME, " ");

    assertThatThrownBy(() -> HandlerConfig.from(env)).hasMessageContaining("TABLE_NAME");
  }

  @Test
  void lambdaConstructors_failFastOutsideAConfiguredEnvironment() {
    // The test JVM has no TABLE_NAME: init must stop with the variable's name.
    assertThatThrownBy(CreateOrderHandler::new).hasMessageContaining("TABLE_NAME");
    assertThatThrownBy(GetOrderHandler::new).hasMessageContaining("TABLE_NAME");
    assertThatThrownBy(DeleteOrderHandler::new).hasMessageContaining("TABLE_NAME");
  }
}
