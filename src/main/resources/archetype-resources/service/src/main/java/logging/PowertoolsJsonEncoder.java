package ${package}.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.encoder.EncoderBase;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import software.amazon.lambda.powertools.logging.argument.StructuredArgument;
import software.amazon.lambda.powertools.logging.internal.JsonSerializer;
import software.amazon.lambda.powertools.logging.internal.PowertoolsLoggedFields;

/**
 * Writes each log event as one line of JSON with the fields of Powertools' Lambda layout: level,
 * message, error (message, name, stack), timestamp, the fields that {@code @Logging} puts in the
 * MDC (service, cold start, function, request and trace ids, correlation id...), every other MDC
 * entry, and Powertools' structured arguments ({@code StructuredArguments.entry(...)}).
 */
public final class PowertoolsJsonEncoder extends EncoderBase<ILoggingEvent> {

  private static final String COLD_START = PowertoolsLoggedFields.FUNCTION_COLD_START.getName();
  private static final String MEMORY_SIZE = PowertoolsLoggedFields.FUNCTION_MEMORY_SIZE.getName();
  private static final String SAMPLING_RATE = PowertoolsLoggedFields.SAMPLING_RATE.getName();

  @Override
  public byte[] headerBytes() {
    return new byte[0];
  }

  @Override
  public byte[] footerBytes() {
    return new byte[0];
  }

  @Override
  public byte[] encode(ILoggingEvent event) {
    StringBuilder line = new StringBuilder(512);
    line.append('{');
    field(line, "level", event.getLevel().toString());
    line.append(',');
    field(line, "message", event.getFormattedMessage());
    IThrowableProxy error = event.getThrowableProxy();
    if (error != null) {
      line.append(",\"error\":{");
      field(line, "message", error.getMessage());
      line.append(',');
      field(line, "name", error.getClassName());
      line.append(',');
      field(line, "stack", ThrowableProxyUtil.asString(error));
      line.append('}');
    }
    line.append(',');
    field(line, "timestamp", timestamp(event.getTimeStamp()));
    for (Map.Entry<String, String> entry : event.getMDCPropertyMap().entrySet()) {
      mdcField(line, entry.getKey(), entry.getValue());
    }
    Object[] arguments = event.getArgumentArray();
    if (arguments != null) {
      for (Object argument : arguments) {
        if (argument instanceof StructuredArgument structured) {
          structuredField(line, structured);
        }
      }
    }
    line.append("}\n");
    return line.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void mdcField(StringBuilder line, String key, String value) {
    if (SAMPLING_RATE.equals(key) && samplingOff(value)) {
      // Powertools sets 0.0 when sampling is off, and its layouts leave the field out then.
      return;
    }
    String literal = literal(key, value);
    line.append(',');
    if (literal == null) {
      field(line, key, value);
    } else {
      string(line, key).append(':').append(literal);
    }
  }

  /** Powertools' numeric and boolean fields as JSON numbers and booleans; null: a string. */
  private static String literal(String key, String value) {
    if (COLD_START.equals(key)) {
      return "true".equals(value) || "false".equals(value) ? value : null;
    }
    if (MEMORY_SIZE.equals(key)) {
      return integerOrNull(value);
    }
    if (SAMPLING_RATE.equals(key)) {
      Double rate = numberOrNull(value);
      return rate == null || rate.isInfinite() ? null : rate.toString();
    }
    return null;
  }

  private static boolean samplingOff(String value) {
    Double rate = numberOrNull(value);
    return rate != null && (rate <= 0 || rate.isNaN());
  }

  private static String integerOrNull(String value) {
    try {
      return value == null ? null : Integer.toString(Integer.parseInt(value));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static Double numberOrNull(String value) {
    try {
      return value == null ? null : Double.valueOf(value);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /**
   * A structured argument writes its own field through Powertools' serializer. One that cannot (an
   * object argument needs JSON support the Lambda jar leaves out) is dropped from the line, which
   * stays valid: the message still shows the argument where it has a {@code {}}.
   */
  private static void structuredField(StringBuilder line, StructuredArgument argument) {
    int length = line.length();
    line.append(',');
    try (JsonSerializer serializer = new JsonSerializer(line)) {
      argument.writeTo(serializer);
    } catch (Exception | LinkageError e) {
      line.setLength(length);
    }
  }

  private static void field(StringBuilder line, String name, String value) {
    string(line, name).append(':');
    if (value == null) {
      line.append("null");
    } else {
      string(line, value);
    }
  }

  /** A JSON string: quotes, backslashes and every control character escaped. */
  static StringBuilder string(StringBuilder line, String text) {
    line.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> line.append("\\\"");
        case '\\' -> line.append("\\\\");
        case '\n' -> line.append("\\n");
        case '\r' -> line.append("\\r");
        case '\t' -> line.append("\\t");
        default -> {
          if (c < 0x20) {
            line.append("\\u00")
                .append(Character.forDigit(c >> 4, 16))
                .append(Character.forDigit(c & 0xF, 16));
          } else {
            line.append(c);
          }
        }
      }
    }
    return line.append('"');
  }

  /** UTC, to the millisecond, as Powertools writes it: {@code 2026-12-02T10:15:30.042Z}. */
  static String timestamp(long epochMilli) {
    LocalDateTime time =
        LocalDateTime.ofEpochSecond(
            Math.floorDiv(epochMilli, 1000L),
            (int) Math.floorMod(epochMilli, 1000L) * 1_000_000,
            ZoneOffset.UTC);
    StringBuilder text = new StringBuilder(24);
    text.append(time.getYear()).append('-');
    twoDigits(text, time.getMonthValue()).append('-');
    twoDigits(text, time.getDayOfMonth()).append('T');
    twoDigits(text, time.getHour()).append(':');
    twoDigits(text, time.getMinute()).append(':');
    twoDigits(text, time.getSecond()).append('.');
    int millis = time.getNano() / 1_000_000;
    if (millis < 100) {
      text.append('0');
    }
    return twoDigits(text, millis).append('Z').toString();
  }

  private static StringBuilder twoDigits(StringBuilder text, int value) {
    if (value < 10) {
      text.append('0');
    }
    return text.append(value);
  }
}
