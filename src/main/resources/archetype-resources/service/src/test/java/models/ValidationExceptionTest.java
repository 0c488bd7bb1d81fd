package ${package}.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ValidationExceptionTest {

  @Test
  void message_namesTheBadFields() {
    ValidationException e =
        new ValidationException(
            List.of(new FieldError("a", "is required"), new FieldError("b", "must be a string")));

    assertThat(e).hasMessage("Invalid fields: [a, b]");
    assertThat(e.errors()).hasSize(2);
  }

  @Test
  void noErrors_isAProgrammingError() {
    assertThatThrownBy(() -> new ValidationException(List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
