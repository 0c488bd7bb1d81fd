package ${package}.logic;

import java.time.Duration;

/**
 * Timings of idempotent creates.
 *
 * @param retention how long a key is remembered (the record's TTL)
 * @param lock how long a claim is exclusive before a repeat may finish the create in its place
 * @param maxWait how long a repeat waits for a create in progress before answering 409; the
 *     function timeout ({@code handlers.TimeBudget}) counts it
 * @param pollInterval how often a waiting repeat reads the record again
 */
public record IdempotencyPolicy(
    Duration retention, Duration lock, Duration maxWait, Duration pollInterval) {

  /** One day of memory, ten seconds of lock, five seconds of waiting. */
  public static final IdempotencyPolicy DEFAULT =
      new IdempotencyPolicy(
          Duration.ofHours(24),
          Duration.ofSeconds(10),
          Duration.ofSeconds(5),
          Duration.ofMillis(50));
}
