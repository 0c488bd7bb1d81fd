package ${package}.logic;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

import ${package}.dal.FeatureFlagStore;

class StoredFeatureFlagsTest {

  private static final Duration BACKOFF = Duration.ofSeconds(30);

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T10:00:00Z"));
  private final AtomicInteger loads = new AtomicInteger();

  private FeatureFlags flags(FeatureFlagStore store) {
    return new StoredFeatureFlags(
        () -> {
          loads.incrementAndGet();
          return store.load();
        },
        clock,
        BACKOFF);
  }

  @Test
  void flagOnInStore_isEnabled() {
    FeatureFlags flags = flags(() -> Map.of("tenPercentOffCampaign", true));

    assertThat(flags.isEnabled(FeatureFlag.TEN_PERCENT_OFF_CAMPAIGN)).isTrue();
  }

  @Test
  void flagOffOrMissingInStore_isDisabled() {
    assertThat(
            flags(() -> Map.of("tenPercentOffCampaign", false))
                .isEnabled(FeatureFlag.TEN_PERCENT_OFF_CAMPAIGN))
        .isFalse();
    assertThat(flags(Map::of).isEnabled(FeatureFlag.TEN_PERCENT_OFF_CAMPAIGN)).isFalse();
  }

  @Test
  void storeFailure_turnsFlagsOffAndBacksOff() {
    // Given a store that is down
    FeatureFlags flags =
        flags(
            () -> {
              throw new IllegalStateException("AppConfig unreachable");
            });

    // When asked twice within the back-off, then once after it
    boolean first = flags.isEnabled(FeatureFlag.TEN_PERCENT_OFF_CAMPAIGN);
    boolean second = flags.isEnabled(FeatureFlag.TEN_PERCENT_OFF_CAMPAIGN);
    clock.advance(BACKOFF);
    boolean third = flags.isEnabled(FeatureFlag.TEN_PERCENT_OFF_CAMPAIGN);

    // Then every answer is off and the store was tried only before and after the back-off
    assertThat(first).isFalse();
    assertThat(second).isFalse();
    assertThat(third).isFalse();
    assertThat(loads).hasValue(2);
  }

  @Test
  void fixedFlags_answerAsGiven() {
    assertThat(FeatureFlags.allOff().isEnabled(FeatureFlag.TEN_PERCENT_OFF_CAMPAIGN)).isFalse();
    assertThat(
            FeatureFlags.enabled(FeatureFlag.TEN_PERCENT_OFF_CAMPAIGN)
                .isEnabled(FeatureFlag.TEN_PERCENT_OFF_CAMPAIGN))
        .isTrue();
    assertThat(FeatureFlag.TEN_PERCENT_OFF_CAMPAIGN.key()).isEqualTo("tenPercentOffCampaign");
  }
}
