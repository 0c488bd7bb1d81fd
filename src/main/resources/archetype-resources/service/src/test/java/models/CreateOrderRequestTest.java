package ${package}.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.list;

import static ${package}.models.OrderFixtures.aCreateOrderRequest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CreateOrderRequestTest {

  @Test
  void validBody_parsesIntoRequest() {
    // Given
    String body = "{\"customerName\": \"Ada\", \"orderItemCount\": 3, \"notAField\": \"ignored\"}";

    // When
    CreateOrderRequest request = CreateOrderRequest.fromJson(body);

    // Then
    assertThat(request)
        .isEqualTo(aCreateOrderRequest().customerName("Ada").orderItemCount(3).build());
  }

  @Test
  void nameOfTwentyCodePoints_isAccepted() {
    // Given twenty emoji, forty UTF-16 chars
    String name = "\uD83D\uDE00".repeat(20);

    // When
    CreateOrderRequest request = aCreateOrderRequest().customerName(name).orderItemCount(1).build();

    // Then
    assertThat(request.customerName()).isEqualTo(name);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"customerName\": 42, \"orderItemCount\": 1}|customerName|must be a string",
        "{\"orderItemCount\": 1}|customerName|is required",
        "{\"customerName\": null, \"orderItemCount\": 1}|customerName|is required",
        "{\"customerName\": \"\", \"orderItemCount\": 1}|customerName|must not be blank",
        "{\"customerName\": \"   \", \"orderItemCount\": 1}|customerName|must not be blank",
        "{\"customerName\": \"abcdefghijklmnopqrstu\", \"orderItemCount\": 1}|customerName|"
            + "must be at most 20 characters",
        "{\"customerName\": \"Ada\", \"orderItemCount\": 2.5}|orderItemCount|must be an integer",
        "{\"customerName\": \"Ada\", \"orderItemCount\": 3.0}|orderItemCount|must be an integer",
        "{\"customerName\": \"Ada\", \"orderItemCount\": \"3\"}|orderItemCount|must be an integer",
        "{\"customerName\": \"Ada\", \"orderItemCount\": true}|orderItemCount|must be an integer",
        "{\"customerName\": \"Ada\"}|orderItemCount|is required",
        "{\"customerName\": \"Ada\", \"orderItemCount\": 0}|orderItemCount|"
            + "must be between 1 and 2147483647",
        "{\"customerName\": \"Ada\", \"orderItemCount\": -4}|orderItemCount|"
            + "must be between 1 and 2147483647",
        "{\"customerName\": \"Ada\", \"orderItemCount\": 2147483648}|orderItemCount|"
            + "must be between 1 and 2147483647"
      })
  void badField_isReportedWithItsRule(String body, String field, String message) {
    // When / Then
    assertThatThrownBy(() -> CreateOrderRequest.fromJson(body))
        .isInstanceOf(ValidationException.class)
        .extracting(e -> ((ValidationException) e).errors(), list(FieldError.class))
        .containsExactly(new FieldError(field, message));
  }

  @Test
  void everyFieldBad_reportsOneErrorPerField() {
    // Given
    String body = "{\"customerName\": [], \"orderItemCount\": \"many\"}";

    // When / Then
    assertThatThrownBy(() -> CreateOrderRequest.fromJson(body))
        .isInstanceOf(ValidationException.class)
        .extracting(e -> ((ValidationException) e).errors(), list(FieldError.class))
        .extracting(FieldError::field)
        .containsExactly("customerName", "orderItemCount");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "   ",
        "{",
        "not json",
        "[1, 2]",
        "\"text\"",
        "42",
        "null",
        "{\"customerName\": \"Ada\"} trailing",
        "{\"customerName\": \"Ada\", \"customerName\": \"Bob\", \"orderItemCount\": 1}"
      })
  void bodyThatIsNotOneJsonObject_isMalformed(String body) {
    // When / Then
    assertThatThrownBy(() -> CreateOrderRequest.fromJson(body))
        .isInstanceOf(MalformedRequestException.class)
        .hasMessageStartingWith("The request body");
  }

  @Test
  void nullBody_isMalformed() {
    // When / Then
    assertThatThrownBy(() -> CreateOrderRequest.fromJson(null))
        .isInstanceOf(MalformedRequestException.class)
        .hasMessageContaining("empty");
  }

  @Test
  void constructor_rejectsWhatTheJsonRulesReject() {
    // When / Then
    assertThatThrownBy(() -> aCreateOrderRequest().customerName(null).orderItemCount(0).build())
        .isInstanceOf(ValidationException.class)
        .extracting(e -> ((ValidationException) e).errors(), list(FieldError.class))
        .containsExactly(
            new FieldError("customerName", "is required"),
            new FieldError("orderItemCount", "must be between 1 and 2147483647"));
  }
}
