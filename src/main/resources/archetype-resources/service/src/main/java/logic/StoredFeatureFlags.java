package ${package}.logic;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ${package}.dal.FeatureFlagStore;

/**
 * Feature flags read from a {@link FeatureFlagStore}. When the store fails, every flag is off and
 * the store is left alone for a while, so that an outage of the configuration service slows no
 * request down more than once per period.
 */
public final class StoredFeatureFlags implements FeatureFlags {

  private static final Logger LOG = LoggerFactory.getLogger(StoredFeatureFlags.class);

  private final FeatureFlagStore store;
  private final Clock clock;
  private final Duration backoff;
  private volatile Instant retryAfter = Instant.MIN;

  /** Reads flags from the store, waiting {@code backoff} after a failure before trying again. */
  public StoredFeatureFlags(FeatureFlagStore store, Clock clock, Duration backoff) {
    this.store = store;
    this.clock = clock;
    this.backoff = backoff;
  }

  @Override
  public boolean isEnabled(FeatureFlag flag) {
    Instant now = clock.instant();
    if (now.isBefore(retryAfter)) {
      return false;
    }
    try {
      return store.load().getOrDefault(flag.key(), false);
    } catch (RuntimeException e) {
      retryAfter = now.plus(backoff);
      LOG.warn("Feature flags unavailable: all flags are off for {}", backoff, e);
      return false;
    }
  }
}
