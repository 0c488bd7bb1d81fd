package ${package}.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class PageRequestTest {

  @Test
  void noParameters_isTheFirstPageOfTheDefaultSize() {
    assertThat(PageRequest.fromQuery(Optional.empty(), Optional.empty()))
        .isEqualTo(PageRequest.first(PageRequest.DEFAULT_LIMIT));
  }

  @Test
  void limitsFromOneToFifty_areAccepted() {
    assertThat(PageRequest.fromQuery(Optional.of("1"), Optional.empty()).limit()).isEqualTo(1);
    assertThat(PageRequest.fromQuery(Optional.of("50"), Optional.of("abc.def")).limit())
        .isEqualTo(50);
  }

  @Test
  void badLimitAndCursor_areBothReported() {
    for (String limit : new String[] {"0", "51", "-1", "ten", "", "2.5", "99999999999"}) {
      assertThatThrownBy(
              () -> PageRequest.fromQuery(Optional.of(limit), Optional.of("not a cursor!")))
          .as(limit)
          .isInstanceOfSatisfying(
              ValidationException.class,
              e ->
                  assertThat(e.errors())
                      .extracting(FieldError::field)
                      .containsExactly(PageRequest.LIMIT, PageRequest.CURSOR));
    }
  }
}
