package ${package}.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.list;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class IdempotencyKeyTest {

  @ParameterizedTest
  @ValueSource(strings = {"a", "7d9f3c1e-0b4a-4f2e-9a8b-1c2d3e4f5a6b", "order:2026-11-26#1"})
  void visibleAsciiKey_isAccepted(String value) {
    assertThat(new IdempotencyKey(value).value()).isEqualTo(value);
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", "has space", "caf\u00e9", "tab\there"})
  void keyThatCannotBeComparedReliably_isRejected(String value) {
    assertThatThrownBy(() -> new IdempotencyKey(value))
        .isInstanceOf(ValidationException.class)
        .extracting(e -> ((ValidationException) e).errors(), list(FieldError.class))
        .extracting(FieldError::field)
        .containsExactly("Idempotency-Key");
  }

  @Test
  void keyOf128Characters_isAccepted() {
    assertThat(new IdempotencyKey("k".repeat(128)).value()).hasSize(128);
  }

  @Test
  void keyOf129Characters_isRejected() {
    assertThatThrownBy(() -> new IdempotencyKey("k".repeat(129)))
        .isInstanceOf(ValidationException.class);
  }

  @Test
  void unsignedKey_isStoredAsSent() {
    assertThat(new IdempotencyKey("key-1").scoped()).isEqualTo("key-1");
  }

  @Test
  void sameKeyOfTwoCallers_isStoredApart() {
    // Given
    Caller ada = Caller.fromIdentity("123456789012", "AROAEXAMPLEADA:s");
    Caller bob = Caller.fromIdentity("123456789012", "AROAEXAMPLEBOB:s");

    // When
    String adas = new IdempotencyKey("key-1", Optional.of(ada)).scoped();
    String bobs = new IdempotencyKey("key-1", Optional.of(bob)).scoped();

    // Then
    assertThat(adas).isNotEqualTo(bobs).isNotEqualTo("key-1");
  }

  @Test
  void unsignedKeyShapedLikeAScopedOne_neverMeetsIt() {
    // Given: a scoped key, and the most an unsigned client could send to look like it
    Caller ada = Caller.fromIdentity("123456789012", "AROAEXAMPLEADA:s");
    String scoped = new IdempotencyKey("key-1", Optional.of(ada)).scoped();

    // Then: the separator is a character no key value may contain
    assertThatThrownBy(() -> new IdempotencyKey(scoped)).isInstanceOf(ValidationException.class);
    assertThat(new IdempotencyKey(scoped.replace(' ', '_')).scoped()).isNotEqualTo(scoped);
  }
}
