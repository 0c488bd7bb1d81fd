package ${package}.logic;

import java.util.EnumSet;
import java.util.Set;

/** Answers whether a feature flag is on; the seam between the rules and where flags are kept. */
@FunctionalInterface
public interface FeatureFlags {

  /** Whether the flag is on now. Never throws: a flag that cannot be read is off. */
  boolean isEnabled(FeatureFlag flag);

  /** Every flag off. */
  static FeatureFlags allOff() {
    return flag -> false;
  }

  /** Exactly the given flags on, for local runs and tests. */
  static FeatureFlags enabled(FeatureFlag... flags) {
    Set<FeatureFlag> on = EnumSet.noneOf(FeatureFlag.class);
    on.addAll(Set.of(flags));
    return on::contains;
  }
}
