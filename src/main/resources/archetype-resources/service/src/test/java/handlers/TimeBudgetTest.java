package ${package}.handlers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The SDK timeouts leave a request time to answer before its function times out. */
class TimeBudgetTest {

  // Serializing the answer, logs and the metrics flush, with room for a slow, cold CPU.
  private static final Duration TIME_TO_ANSWER = Duration.ofSeconds(2);

  @Test
  void slowestCreate_leavesTimeToAnswerBeforeTheFunctionTimesOut() {
    assertThat(TimeBudget.slowestCreate().plus(TIME_TO_ANSWER))
        .isLessThanOrEqualTo(TimeBudget.FUNCTION_TIMEOUT);
  }

  @Test
  void everyCall_hasRoomForASecondAttempt() {
    // A retry can only help when a call outlives its first attempt.
    assertThat(TimeBudget.DYNAMODB_ATTEMPT_TIMEOUT).isLessThan(TimeBudget.DYNAMODB_CALL_TIMEOUT);
    assertThat(TimeBudget.APPCONFIG_ATTEMPT_TIMEOUT).isLessThan(TimeBudget.APPCONFIG_CALL_TIMEOUT);
    assertThat(TimeBudget.CONNECT_TIMEOUT).isLessThanOrEqualTo(TimeBudget.DYNAMODB_ATTEMPT_TIMEOUT);
  }
}
