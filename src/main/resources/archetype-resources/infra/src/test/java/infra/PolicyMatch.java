package ${package}.infra;

import java.util.Arrays;
import java.util.Map;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Matcher;

/** Matchers for the policy documents of IAM policies, key policies and topic policies. */
public final class PolicyMatch {

  private PolicyMatch() {}

  /** A policy document holding, among others, statements like each of these, in this order. */
  @SafeVarargs
  public static Matcher withStatements(Map<String, ?>... statements) {
    return Match.objectLike(
        Map.of(
            "Statement",
            Match.arrayWith(Arrays.stream(statements).map(Match::objectLike).toList())));
  }
}
