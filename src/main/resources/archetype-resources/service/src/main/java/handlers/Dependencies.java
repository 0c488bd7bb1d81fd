package ${package}.handlers;

import software.amazon.lambda.powertools.metrics.Metrics;

import ${package}.logic.FeatureFlags;
import ${package}.logic.OrderService;

/**
 * What a handler works with. {@link HandlerFactory} builds the real ones; tests pass fakes.
 *
 * @param orders the order rules on their storage
 * @param flags the feature flags (priming reads them once before a SnapStart snapshot)
 * @param metrics where business metrics go
 */
public record Dependencies(OrderService orders, FeatureFlags flags, Metrics metrics) {}
