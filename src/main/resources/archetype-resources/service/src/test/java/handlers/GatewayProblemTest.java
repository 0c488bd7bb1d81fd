package ${package}.handlers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The gateway's own answers: error statuses, each status with one title. */
class GatewayProblemTest {

  @Test
  void everyProblem_isAnErrorStatusWithADetail() {
    assertThat(GatewayProblem.values())
        .allSatisfy(
            problem -> {
              assertThat(problem.status()).isBetween(400, 599);
              assertThat(problem.detail()).isNotBlank();
            });
  }

  @Test
  void problemsOfOneStatus_shareItsTitle() {
    // When: about:blank problems take the title of their HTTP status (RFC 9457, 4.2.1)
    Map<Integer, Set<String>> titles =
        Arrays.stream(GatewayProblem.values())
            .collect(
                Collectors.groupingBy(
                    GatewayProblem::status,
                    Collectors.mapping(GatewayProblem::title, Collectors.toSet())));

    // Then
    assertThat(titles).allSatisfy((status, names) -> assertThat(names).hasSize(1));
  }
}
