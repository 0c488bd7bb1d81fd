package ${package}.lambdajar;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ${package}.logging.LogbackLoggingManager;

/**
 * Logs through the Lambda jar alone, in a JVM of its own: the shaded and minimized jar must still
 * find its Logback configuration and Powertools' logging manager, and write JSON lines.
 */
class LambdaJarLoggingIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PROBE =
      """
      public class Probe {
        public static void main(String[] args) {
          org.slf4j.MDC.put("correlation_id", "req-1");
          org.slf4j.Logger probe = org.slf4j.LoggerFactory.getLogger("probe");
          probe.info("hello {}", 42);
          org.slf4j.LoggerFactory.getLogger("software.amazon.awssdk.request").info("not shown");
          probe.error("failed", new IllegalStateException("boom"));
          System.err.println("manager=" + software.amazon.lambda.powertools.logging.internal
              .LoggingManagerRegistry.getLoggingManager().getClass().getName());
        }
      }
      """;

  @TempDir Path folder;

  @Test
  void lambdaJar_logsJsonLinesThroughPowertoolsManager() throws Exception {
    LambdaJarProbe.Run run = probe(List.of());

    assertThat(run.stdout()).hasSize(2);
    JsonNode info = JSON.readTree(run.stdout().get(0));
    assertThat(info.get("level").asText()).isEqualTo("INFO");
    assertThat(info.get("message").asText()).isEqualTo("hello 42");
    assertThat(info.get("correlation_id").asText()).isEqualTo("req-1");
    JsonNode error = JSON.readTree(run.stdout().get(1));
    assertThat(error.get("error").get("name").asText())
        .isEqualTo("java.lang.IllegalStateException");
    assertThat(run.stderr())
        .contains("manager=" + LogbackLoggingManager.class.getName())
        .doesNotContain("WARN", "ERROR", "Exception");
  }

  @Test
  void lambdaJar_withALogbackXml_saysItIsIgnoredAndKeepsLoggingJson() throws Exception {
    Path configuration = Files.createDirectories(folder.resolve("configuration"));
    Files.writeString(configuration.resolve("logback.xml"), "<configuration/>");

    LambdaJarProbe.Run run = probe(List.of(configuration));

    // Logback prints its status, the warning among it, before the first event.
    assertThat(String.join("\n", run.stdout())).contains("WARN", "logback.xml is ignored");
    List<String> events = run.stdout().stream().filter(line -> line.startsWith("{")).toList();
    assertThat(events).hasSize(2);
    assertThat(JSON.readTree(events.get(0)).get("message").asText()).isEqualTo("hello 42");
  }

  private LambdaJarProbe.Run probe(List<Path> extraClassPath)
      throws IOException, InterruptedException {
    return LambdaJarProbe.run(folder, PROBE, extraClassPath, List.of());
  }
}
