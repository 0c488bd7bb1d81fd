package ${package}.dal;

import java.util.Map;

/** Where the feature flags are kept: flag name to whether it is on. */
public interface FeatureFlagStore {

  /** The current flags. Throws when they cannot be fetched or read; callers decide the fallback. */
  Map<String, Boolean> load();
}
