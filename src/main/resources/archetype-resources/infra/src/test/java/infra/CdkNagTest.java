package ${package}.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awscdk.App;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.cxapi.SynthesisMessage;
import software.amazon.awscdk.services.sns.Topic;

/** cdk-nag AwsSolutions: no unsuppressed error or warning in any environment. */
class CdkNagTest {

  /** Each environment, and the API open as well as signed-only (api.auth none and iam). */
  static Stream<Arguments> environments() {
    return Stream.of(
        Arguments.of(Map.of(), "iam"),
        Arguments.of(Map.of(StackConfig.ENVIRONMENT_KEY, "staging"), "iam"),
        Arguments.of(Map.of(StackConfig.ENVIRONMENT_KEY, "production"), "iam"),
        Arguments.of(
            Map.of(StackConfig.ENVIRONMENT_KEY, "dev", StackConfig.WAF_KEY, "true"), "iam"),
        Arguments.of(Map.of(), "none"),
        Arguments.of(Map.of(StackConfig.ENVIRONMENT_KEY, "production"), "none"));
  }

  @ParameterizedTest
  @MethodSource("environments")
  void stack_hasNoUnsuppressedFindings(Map<String, Object> context, String apiAuth) {
    // Given
    ServiceStack stack = TestApps.serviceStack(context, apiAuth);

    // When
    Annotations annotations = Annotations.fromStack(stack);
    List<SynthesisMessage> errors =
        annotations.findError("*", Match.stringLikeRegexp("AwsSolutions-.*"));
    List<SynthesisMessage> warnings =
        annotations.findWarning("*", Match.stringLikeRegexp("AwsSolutions-.*"));

    // Then
    assertThat(errors).extracting(CdkNagTest::describe).isEmpty();
    assertThat(warnings).extracting(CdkNagTest::describe).isEmpty();
  }

  @Test
  void nagChecks_reportAViolationAddedToTheStack() {
    // Given: a topic without encryption or TLS enforcement, which AwsSolutions rejects
    ServiceStack stack = TestApps.newServiceStack(Map.of(), ServiceProperties.load().apiAuth());
    new Topic(stack, "UnencryptedTopic");

    // When: the error fails synthesis and lands in its validation report, as under cdk synth
    // (cdk.json's @aws-cdk/core:annotationsInValidationReport)
    Throwable failure = catchThrowable(() -> Annotations.fromStack(stack));

    // Then
    assertThat(failure).hasMessageContaining("Validation failed");
    Path report = Path.of(((App) stack.getNode().getRoot()).getOutdir(), "validation-report.json");
    assertThat(report).content().contains("AwsSolutions-SNS");
  }

  private static String describe(SynthesisMessage message) {
    return message.getId() + ": " + message.getEntry().getData();
  }
}
