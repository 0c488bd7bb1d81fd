package ${package}.dal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import software.amazon.awssdk.services.appconfigdata.AppConfigDataClient;
import software.amazon.lambda.powertools.parameters.appconfig.AppConfigProvider;
import software.amazon.lambda.powertools.tracing.CaptureMode;
import software.amazon.lambda.powertools.tracing.Tracing;

/**
 * Feature flags from an AWS AppConfig configuration profile, through the Powertools AppConfig
 * provider. The document looks like {@code {"tenPercentOffCampaign": {"enabled": true}}}.
 *
 * <p>The provider keeps the document for {@code maxAgeSeconds}, so a warm function asks AppConfig
 * at most once per period; between polls it reuses its AppConfig session token. A token is good for
 * one call and expires after 24 hours, and a SnapStart snapshot would hand the same token to every
 * restored function: after a restore a new provider starts a session of its own.
 */
public final class AppConfigFeatureFlagStore implements FeatureFlagStore, Resource {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final Supplier<AppConfigProvider> newProvider;
  private final String profile;
  private final int maxAgeSeconds;
  private final AtomicReference<AppConfigProvider> provider = new AtomicReference<>();

  /** Reads the profile of the given application and environment with the given client. */
  public AppConfigFeatureFlagStore(
      AppConfigDataClient client,
      String application,
      String environment,
      String profile,
      int maxAgeSeconds) {
    this.newProvider =
        () ->
            AppConfigProvider.builder()
                .withClient(client)
                .withApplication(application)
                .withEnvironment(environment)
                .build();
    provider.set(newProvider.get());
    this.profile = profile;
    this.maxAgeSeconds = maxAgeSeconds;
    Core.getGlobalContext().register(this);
  }

  @Override
  @Tracing(captureMode = CaptureMode.ERROR)
  public synchronized Map<String, Boolean> load() {
    // The provider's max age applies to the next get only, and the provider is not thread safe.
    String document = provider.get().withMaxAge(maxAgeSeconds, ChronoUnit.SECONDS).get(profile);
    return parse(document);
  }

  @Override
  public void beforeCheckpoint(Context<? extends Resource> context) {
    // Nothing to release: the SDK client reconnects by itself.
  }

  @Override
  public void afterRestore(Context<? extends Resource> context) {
    provider.set(newProvider.get());
  }

  static Map<String, Boolean> parse(String document) {
    JsonNode root;
    try {
      root = MAPPER.readTree(document);
    } catch (IOException e) {
      throw new UncheckedIOException("The feature flags document is not JSON", e);
    }
    if (root == null || !root.isObject()) {
      throw new IllegalStateException("The feature flags document is not a JSON object");
    }
    Map<String, Boolean> flags = new HashMap<>();
    for (Map.Entry<String, JsonNode> flag : root.properties()) {
      // Anything but an explicit boolean "enabled": true leaves a flag off.
      flags.put(flag.getKey(), flag.getValue().path("enabled").booleanValue());
    }
    return flags;
  }
}
