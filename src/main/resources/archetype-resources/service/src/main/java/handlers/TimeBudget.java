package ${package}.handlers;

import java.time.Duration;

import ${package}.logic.IdempotencyPolicy;

/**
 * How long a request may take, in one place: the function timeout (infra sets it from here) and the
 * timeouts of every AWS SDK client the handlers build.
 *
 * <p>A create is the longest request. It may read the feature flags from AppConfig (two calls when
 * a session starts). A first create then makes three DynamoDB calls one after the other (claim the
 * idempotency key, write the order, mark the key completed); a repeat of a key still in progress
 * polls for up to the policy's wait, and its last look can make five (claim, read, take over,
 * write, complete). Each call, its SDK retries included, is given up after its call timeout, so
 * even when every call is slow but answers, a create ends within {@code 2 x 1 s + 5 s + 5 x 2 s =
 * 17 s}, leaving three of the function's twenty seconds to answer. A call that stalls, is refused
 * or throttled ends the request with a 503 once its own call timeout runs out.
 */
public final class TimeBudget {

  /** The Lambda function timeout (API Gateway gives up after 29 s, later still). */
  public static final Duration FUNCTION_TIMEOUT = Duration.ofSeconds(20);

  /**
   * Opening a connection to an AWS endpoint, TLS included: milliseconds within a region, so a
   * second means the endpoint is unreachable.
   */
  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(1);

  /**
   * One HTTP attempt of a DynamoDB call, also the socket read timeout. DynamoDB answers single-item
   * calls in milliseconds; an attempt this slow is stalled and the SDK retries it.
   */
  static final Duration DYNAMODB_ATTEMPT_TIMEOUT = Duration.ofSeconds(1);

  /**
   * One DynamoDB call with all its SDK retries (throttling backs off between them): after this the
   * request answers 503.
   */
  public static final Duration DYNAMODB_CALL_TIMEOUT = Duration.ofSeconds(2);

  /** DynamoDB calls a first create makes one after the other (claim, write, complete). */
  static final int CREATE_DYNAMODB_CALLS = 3;

  /**
   * DynamoDB calls of a repeat's last look at a key in progress, once its wait is nearly over:
   * claim, read, take over the expired lock, write, complete.
   */
  static final int LAST_LOOK_DYNAMODB_CALLS = 5;

  /** One HTTP attempt of an AppConfig call. */
  static final Duration APPCONFIG_ATTEMPT_TIMEOUT = Duration.ofMillis(500);

  /**
   * One AppConfig call with its retries. Flags fall back to off when AppConfig fails, so it gets
   * less time than DynamoDB, which a request cannot do without.
   */
  static final Duration APPCONFIG_CALL_TIMEOUT = Duration.ofSeconds(1);

  /** AppConfig calls of a flags read at most: start a session, then get the configuration. */
  static final int APPCONFIG_CALLS = 2;

  /**
   * The {@code Retry-After} of a 503: long enough for a throttled table or a restarting endpoint to
   * recover, short enough that a client is not kept waiting; clients back off further by
   * themselves.
   */
  public static final Duration RETRY_AFTER = Duration.ofSeconds(1);

  private TimeBudget() {}

  /**
   * The longest a create can take when each call is slow but answers in time: flags, the wait of a
   * repeat, and its last look, which may start just before the wait ends.
   */
  static Duration slowestCreate() {
    return APPCONFIG_CALL_TIMEOUT
        .multipliedBy(APPCONFIG_CALLS)
        .plus(IdempotencyPolicy.DEFAULT.maxWait())
        .plus(DYNAMODB_CALL_TIMEOUT.multipliedBy(LAST_LOOK_DYNAMODB_CALLS));
  }
}
