package ${package}.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import ${package}.dal.FeatureFlagStore;

/**
 * Feature flags from the JSON document that the stack deploys to AppConfig, read from the
 * repository on every load: editing the file changes the local API's behaviour at once.
 */
final class FileFeatureFlagStore implements FeatureFlagStore {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final Path document;

  FileFeatureFlagStore(Path document) {
    this.document = document;
  }

  @Override
  public Map<String, Boolean> load() {
    JsonNode root;
    try {
      root = MAPPER.readTree(document.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the feature flags in " + document, e);
    }
    if (root == null || !root.isObject()) {
      throw new IllegalStateException("The feature flags in " + document + " are not an object");
    }
    Map<String, Boolean> flags = new HashMap<>();
    // Same reading as in AppConfig: only "enabled": true turns a flag on.
    root.properties()
        .forEach(flag -> flags.put(flag.getKey(), flag.getValue().path("enabled").booleanValue()));
    return flags;
  }
}
