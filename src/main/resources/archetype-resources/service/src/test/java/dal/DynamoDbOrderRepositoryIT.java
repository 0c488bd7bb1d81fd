package ${package}.dal;

import static org.assertj.core.api.Assertions.assertThat;

import static ${package}.models.OrderFixtures.anOrder;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import ${package}.models.Order;

class DynamoDbOrderRepositoryIT {

  @RegisterExtension static final LocalDynamoDb DB = new LocalDynamoDb();

  private final OrderRepository repository =
      new DynamoDbOrderRepository(DB.client(), LocalDynamoDb.ORDERS_TABLE);

  private static Order newOrder() {
    return anOrder()
        .id(UUID.randomUUID().toString())
        .customerName("Ada \uD83D\uDE00")
        .orderItemCount(7)
        .createdAt(Instant.parse("2026-11-26T10:15:30.123Z"))
        .discountPercent(10)
        .build();
  }

  @Test
  void savedOrder_isFoundWithEveryField() {
    // Given
    Order order = newOrder();

    // When
    repository.save(order);

    // Then
    assertThat(repository.findById(order.id())).contains(order);
  }

  @Test
  void unknownId_isNotFound() {
    assertThat(repository.findById(UUID.randomUUID().toString())).isEmpty();
  }

  @Test
  void delete_removesTheOrderOnceOnly() {
    // Given
    Order order = newOrder();
    repository.save(order);

    // When
    boolean first = repository.deleteById(order.id());
    boolean second = repository.deleteById(order.id());

    // Then
    assertThat(first).isTrue();
    assertThat(second).isFalse();
    assertThat(repository.findById(order.id())).isEmpty();
  }
}
