package ${package}.logic;

/** The feature flags the service knows, by their name in the configuration document. */
public enum FeatureFlag {
  /** Orders created while on get a 10% discount. */
  TEN_PERCENT_OFF_CAMPAIGN("tenPercentOffCampaign");

  private final String key;

  FeatureFlag(String key) {
    this.key = key;
  }

  /** The flag's name in the configuration document. */
  public String key() {
    return key;
  }
}
