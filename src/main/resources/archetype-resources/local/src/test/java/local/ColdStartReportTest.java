package ${package}.local;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import ${package}.local.ColdStartReport.Row;
import ${package}.local.ColdStartReport.Run;

class ColdStartReportTest {

  private static final Path LOGS = Path.of("target", "cold-start");

  @Test
  void requireNoServerErrors_acceptsClientAnswers() {
    Map<Row, List<Run>> cold = Map.of(new Row("DeleteOrder", "stack's"), List.of(run("204,404")));

    assertThatCode(() -> ColdStartReport.requireNoServerErrors(cold, LOGS))
        .doesNotThrowAnyException();
  }

  @Test
  void requireNoServerErrors_stopsOnA5xxAndNamesTheFunction() {
    Map<Row, List<Run>> cold =
        Map.of(new Row("GetOrder", "stack's"), List.of(run("200,200"), run("500,200")));

    assertThatThrownBy(() -> ColdStartReport.requireNoServerErrors(cold, LOGS))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("GetOrder answered 500,200")
        .hasMessageContaining(LOGS.toString());
  }

  private static Run run(String statuses) {
    return new Run(100, 120, 20, 2, 90, statuses);
  }
}
