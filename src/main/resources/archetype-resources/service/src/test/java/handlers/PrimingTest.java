package ${package}.handlers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;

import static ${package}.models.OrderFixtures.OWNER;
import static ${package}.models.OrderFixtures.anOrder;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.lambda.powertools.metrics.Metrics;

import ${package}.dal.InMemoryOrderRepository;
import ${package}.dal.OrderQuery;
import ${package}.logic.FeatureFlags;
import ${package}.models.Order;
import ${package}.models.OrderPage;
import ${package}.models.Owner;
import ${package}.models.PageRequest;

class PrimingTest {

  @Test
  void prime_runsTheInitStepNowAndTheSnapshotStepBeforeCheckpoint() throws Exception {
    // Given
    List<String> steps = new ArrayList<>();

    // When
    Priming priming = Priming.prime(() -> steps.add("init"), () -> steps.add("snapshot"));
    priming.beforeCheckpoint(null);
    priming.afterRestore(null);

    // Then
    assertThat(steps).containsExactly("init", "snapshot");
  }

  @Test
  void failingSteps_neverFailInit() {
    Runnable failing =
        () -> {
          throw new IllegalStateException("no network");
        };

    assertThatCode(() -> Priming.prime(failing, failing).beforeCheckpoint(null))
        .doesNotThrowAnyException();
  }

  @ParameterizedTest
  @EnumSource(Route.class)
  void primingAnyRoute_changesNoDataAndCountsNothing(Route route) {
    // Given an order that priming must leave alone
    InMemoryOrderRepository orders = new InMemoryOrderRepository();
    Order existing = anOrder().build();
    orders.save(OWNER, existing);
    Metrics metrics = mock(Metrics.class);

    // When the handler is built (priming at init) and snapshotted
    RouteHandler handler =
        HandlerFactory.instantiate(
            route, InMemoryDependencies.of(orders, FeatureFlags.allOff(), metrics));
    handler.priming.beforeCheckpoint(null);

    // Then
    assertThat(orders.all()).containsExactly(existing);
    verifyNoInteractions(metrics);
  }

  @Test
  void primingTheList_goesAllTheWayToItsQuery_asACallerThatOwnsNothing() {
    // Given
    List<Owner> listed = new ArrayList<>();
    InMemoryOrderRepository orders =
        new InMemoryOrderRepository() {
          @Override
          public OrderPage newestFirst(Owner owner, OrderQuery query, PageRequest page) {
            listed.add(owner);
            return super.newestFirst(owner, query, page);
          }
        };
    orders.save(Owner.ANONYMOUS, anOrder().build());

    // When
    HandlerFactory.instantiate(
            Route.LIST_ORDERS,
            InMemoryDependencies.of(orders, FeatureFlags.allOff(), mock(Metrics.class)))
        .priming
        .beforeCheckpoint(null);

    // Then
    assertThat(listed).isNotEmpty().doesNotContain(Owner.ANONYMOUS, OWNER);
  }
}
