package ${package}.handlers;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

import ${package}.models.FieldError;

/**
 * An RFC 9457 problem details body. {@code errors} is set on 422 only and {@code requestId} on 500
 * and 503 only; absent members are left out of the JSON.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
    String type,
    String title,
    int status,
    String detail,
    String instance,
    List<FieldError> errors,
    String requestId) {

  /** The media type of problem bodies. */
  public static final String MEDIA_TYPE = "application/problem+json";
}
