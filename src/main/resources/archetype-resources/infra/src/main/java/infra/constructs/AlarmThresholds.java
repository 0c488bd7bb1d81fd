package ${package}.infra.constructs;

import software.amazon.awscdk.Duration;

/**
 * Every alarm threshold in one place; docs/monitoring.md explains each alarm and what to do when it
 * fires. Each alarm looks at one {@code period} and fires on the first breaching period.
 *
 * @param period the window each alarm evaluates
 * @param api5xxRate share of API requests answered with a 5xx (0.01 is 1%)
 * @param functionErrors invocation errors (uncaught exceptions, timeouts) per function and period
 * @param durationShareOfTimeout p90 duration as a share of the function's timeout
 * @param functionThrottles throttled invocations per function and period
 * @param errorLogLines log lines at level ERROR across the functions per period
 * @param tableThrottles throttled DynamoDB requests per table and period
 * @param dependencyFailures requests answered 503 because a dependency failed, per period
 */
public record AlarmThresholds(
    Duration period,
    double api5xxRate,
    double functionErrors,
    double durationShareOfTimeout,
    double functionThrottles,
    double errorLogLines,
    double tableThrottles,
    double dependencyFailures) {

  /** The thresholds the stack uses. */
  public static final AlarmThresholds DEFAULTS =
      new AlarmThresholds(Duration.minutes(5), 0.01, 1, 0.8, 1, 1, 1, 1);
}
