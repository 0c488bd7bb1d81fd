package ${package}.models;

/** One rule a request field breaks: the field's name and what is wrong with it. */
public record FieldError(String field, String message) {}
