package ${package}.logic;

import java.time.Clock;
import java.util.UUID;

import ${package}.dal.IdempotencyRepository;
import ${package}.dal.OrderRepository;

/** Order services built for tests in other packages, with timings of their choice. */
public final class OrderServiceFixtures {

  private OrderServiceFixtures() {}

  /** A service on real time and random ids whose idempotent creates follow {@code policy}. */
  public static OrderService withPolicy(
      OrderRepository orders, IdempotencyRepository records, IdempotencyPolicy policy) {
    return new OrderService(
        orders,
        records,
        FeatureFlags.allOff(),
        Clock.systemUTC(),
        UUID::randomUUID,
        policy,
        duration -> Thread.sleep(duration));
  }
}
