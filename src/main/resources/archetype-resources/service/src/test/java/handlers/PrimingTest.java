package ${package}.handlers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PrimingTest {

  @Test
  void prime_runsTheInitStepNowAndTheSnapshotStepBeforeCheckpoint() throws Exception {
    // Given
    List<String> steps = new ArrayList<>();

    // When
    Priming priming = Priming.prime(() -> steps.add("init"), () -> steps.add("snapshot"));
    priming.beforeCheckpoint(null);
    priming.afterRestore(null);

    // Then
    assertThat(steps).containsExactly("init", "snapshot");
  }

  @Test
  void failingSteps_neverFailInit() {
    Runnable failing =
        () -> {
          throw new IllegalStateException("no network");
        };

    assertThatCode(() -> Priming.prime(failing, failing).beforeCheckpoint(null))
        .doesNotThrowAnyException();
  }
}
