package ${package}.handlers;

import java.time.Clock;
import software.amazon.lambda.powertools.metrics.Metrics;

import ${package}.dal.InMemoryIdempotencyRepository;
import ${package}.dal.OrderRepository;
import ${package}.logic.FeatureFlags;
import ${package}.logic.OrderService;

/** Handler collaborators on in-memory storage, for unit tests. */
final class InMemoryDependencies {

  private InMemoryDependencies() {}

  /** The order rules on {@code orders}, a fresh idempotency store, the given flags and metrics. */
  static Dependencies of(OrderRepository orders, FeatureFlags flags, Metrics metrics) {
    return new Dependencies(
        new OrderService(orders, new InMemoryIdempotencyRepository(), flags, Clock.systemUTC()),
        flags,
        metrics);
  }
}
