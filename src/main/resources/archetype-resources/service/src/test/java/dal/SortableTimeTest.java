package ${package}.dal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SortableTimeTest {

  private static final List<Instant> IN_ORDER =
      List.of(
          Instant.parse("2026-11-26T10:00:00Z"),
          Instant.parse("2026-11-26T10:00:00.000000001Z"),
          Instant.parse("2026-11-26T10:00:00.001Z"),
          Instant.parse("2026-11-26T10:00:00.1Z"),
          Instant.parse("2026-11-26T10:00:01Z"));

  @Test
  void everyInstant_hasTheSameWidth_andTextOrderIsTimeOrder() {
    List<String> texts = IN_ORDER.stream().map(SortableTime::format).toList();

    assertThat(texts)
        .extracting(String::length)
        .containsOnly("2026-11-26T10:00:00.000000000Z".length());
    assertThat(texts).isSorted();
  }

  @Test
  void storedText_readsBackAsTheSameInstant_asDoesTheOlderForm() {
    for (Instant instant : IN_ORDER) {
      assertThat(SortableTime.parse(SortableTime.format(instant))).isEqualTo(instant);
      assertThat(SortableTime.parse(instant.toString())).isEqualTo(instant);
    }
  }
}
