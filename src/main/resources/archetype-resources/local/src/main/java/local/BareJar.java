package ${package}.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Objects;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import org.joda.time.DateTime;

/**
 * Writes the bare handler's jar: {@link BareHandler}, the two API Gateway event classes it uses and
 * Joda-Time, which the runtime client's event serializer loads for any aws-lambda-java-events type.
 * The runtime client and aws-lambda-java-core come from the runtime's class path, as for the
 * functions.
 */
final class BareJar {

  private static final String EVENTS =
      "com/amazonaws/services/lambda/runtime/events/APIGatewayProxy";

  private BareJar() {}

  /** Writes the jar to {@code jar} and returns it. */
  static Path write(Path jar) throws IOException {
    Path folder = jar.toAbsolutePath().getParent();
    if (folder != null) {
      Files.createDirectories(folder);
    }
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
        JarFile events = new JarFile(jarOf(APIGatewayProxyRequestEvent.class).toFile());
        JarFile joda = new JarFile(jarOf(DateTime.class).toFile())) {
      String handler = BareHandler.class.getName().replace('.', '/') + ".class";
      try (InputStream in = BareHandler.class.getResourceAsStream("/" + handler)) {
        copy(out, handler, Objects.requireNonNull(in, handler));
      }
      copyEntries(events, EVENTS, out);
      copyEntries(joda, "org/joda/time/", out);
    }
    return jar;
  }

  private static void copyEntries(JarFile from, String prefix, JarOutputStream out)
      throws IOException {
    for (JarEntry entry : Collections.list(from.entries())) {
      if (entry.getName().startsWith(prefix)) {
        try (InputStream in = from.getInputStream(entry)) {
          copy(out, entry.getName(), in);
        }
      }
    }
  }

  private static void copy(JarOutputStream out, String name, InputStream in) throws IOException {
    out.putNextEntry(new JarEntry(name));
    in.transferTo(out);
    out.closeEntry();
  }

  /** The jar a class was loaded from. */
  static Path jarOf(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException("No jar for " + type, e);
    }
  }
}
