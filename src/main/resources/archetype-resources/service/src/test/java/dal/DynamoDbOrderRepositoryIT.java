package ${package}.dal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import static ${package}.models.OrderFixtures.OTHER_OWNER;
import static ${package}.models.OrderFixtures.OWNER;
import static ${package}.models.OrderFixtures.anOrder;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import ${package}.models.Order;
import ${package}.models.OrderPage;
import ${package}.models.Owner;
import ${package}.models.PageRequest;
import ${package}.models.ValidationException;

class DynamoDbOrderRepositoryIT {

  @RegisterExtension static final LocalDynamoDb DB = new LocalDynamoDb();

  private static final OrderQuery ALL = OrderQuery.all();

  private final OrderRepository repository =
      new DynamoDbOrderRepository(DB.client(), LocalDynamoDb.ORDERS_TABLE);

  private static Order newOrder(Instant createdAt) {
    return anOrder()
        .id(UUID.randomUUID().toString())
        .customerName("Ada \uD83D\uDE00")
        .orderItemCount(7)
        .createdAt(createdAt)
        .discountPercent(10)
        .build();
  }

  private static Order newOrder() {
    return newOrder(Instant.parse("2026-11-26T10:15:30.123Z"));
  }

  /** An owner no other test writes to, so that its list holds only this test's orders. */
  private static Owner freshOwner() {
    return new Owner("123456789012:AROA" + UUID.randomUUID());
  }

  @Test
  void savedOrder_isFoundWithEveryField() {
    // Given
    Order order = newOrder();

    // When
    repository.save(OWNER, order);

    // Then
    assertThat(repository.findById(OWNER, order.id())).contains(order);
  }

  @Test
  void unknownId_isNotFound() {
    assertThat(repository.findById(OWNER, UUID.randomUUID().toString())).isEmpty();
  }

  @Test
  void delete_removesTheOrderOnceOnly() {
    // Given
    Order order = newOrder();
    repository.save(OWNER, order);

    // When
    boolean first = repository.deleteById(OWNER, order.id());
    boolean second = repository.deleteById(OWNER, order.id());

    // Then
    assertThat(first).isTrue();
    assertThat(second).isFalse();
    assertThat(repository.findById(OWNER, order.id())).isEmpty();
  }

  @Test
  void anotherOwner_cannotFindNorDeleteTheOrder() {
    // Given
    Order order = newOrder();
    repository.save(OWNER, order);

    // When
    Optional<Order> found = repository.findById(OTHER_OWNER, order.id());
    boolean deleted = repository.deleteById(OTHER_OWNER, order.id());

    // Then
    assertThat(found).isEmpty();
    assertThat(deleted).isFalse();
    assertThat(repository.findById(OWNER, order.id())).contains(order);
  }

  @Test
  void list_pagesThroughTheOwnersOrdersNewestFirst_noneMissingNoneRepeated() {
    // Given: 45 orders a second apart, and one of another owner
    Owner owner = freshOwner();
    List<Order> saved = new ArrayList<>();
    for (int i = 0; i < 45; i++) {
      Order order = newOrder(Instant.parse("2026-11-26T10:00:00Z").plusSeconds(i));
      repository.save(owner, order);
      saved.add(0, order);
    }
    repository.save(freshOwner(), newOrder());

    // When
    List<OrderPage> pages = new ArrayList<>();
    Optional<String> cursor = Optional.empty();
    do {
      OrderPage page = repository.newestFirst(owner, ALL, new PageRequest(20, cursor));
      pages.add(page);
      cursor = Optional.ofNullable(page.nextCursor());
    } while (cursor.isPresent());

    // Then
    assertThat(pages).extracting(page -> page.orders().size()).containsExactly(20, 20, 5);
    assertThat(pages.stream().flatMap(page -> page.orders().stream()).toList())
        .containsExactlyElementsOf(saved);
  }

  @Test
  void list_ofAFullLastPage_endsWithoutACursor() {
    // Given
    Owner owner = freshOwner();
    repository.save(owner, newOrder());
    repository.save(owner, newOrder());

    // When
    OrderPage page = repository.newestFirst(owner, ALL, PageRequest.first(2));

    // Then
    assertThat(page.orders()).hasSize(2);
    assertThat(page.nextCursor()).isNull();
  }

  @Test
  void cursor_ofAnotherOwner_isRefused() {
    // Given
    Owner owner = freshOwner();
    repository.save(owner, newOrder());
    repository.save(owner, newOrder());
    String cursor = repository.newestFirst(owner, ALL, PageRequest.first(1)).nextCursor();

    // Then
    assertThatThrownBy(
            () ->
                repository.newestFirst(freshOwner(), ALL, new PageRequest(1, Optional.of(cursor))))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining(PageRequest.CURSOR);
  }

  @Test
  void cursor_thatWasChanged_isRefused() {
    // Given
    Owner owner = freshOwner();
    repository.save(owner, newOrder());
    repository.save(owner, newOrder());
    String cursor = repository.newestFirst(owner, ALL, PageRequest.first(1)).nextCursor();
    String changed = (cursor.charAt(0) == 'A' ? 'B' : 'A') + cursor.substring(1);

    // Then
    for (String bad : List.of(changed, "x", "abc.def", cursor.replace(".", ""))) {
      assertThatThrownBy(
              () -> repository.newestFirst(owner, ALL, new PageRequest(1, Optional.of(bad))))
          .as(bad)
          .isInstanceOf(ValidationException.class);
    }
  }

  @Test
  void createdAt_withAZeroFraction_sortsBeforeALaterOne() {
    // Given: Instant.toString() writes the first as ...:00Z, which sorts after ...:00.001Z
    Owner owner = freshOwner();
    Order onTheSecond = newOrder(Instant.parse("2026-11-26T10:00:00Z"));
    Order aMilliLater = newOrder(Instant.parse("2026-11-26T10:00:00.001Z"));
    repository.save(owner, onTheSecond);
    repository.save(owner, aMilliLater);

    // When
    List<Order> listed = repository.newestFirst(owner, ALL, PageRequest.first(10)).orders();

    // Then
    assertThat(listed).containsExactly(aMilliLater, onTheSecond);
  }

  @Test
  void olderItem_withCreatedAtInInstantToStringForm_stillReads() {
    // Given: an item as written before createdAt had a fixed width
    Order order = newOrder(Instant.parse("2026-11-26T10:00:00Z"));
    Map<String, AttributeValue> item =
        new java.util.HashMap<>(DynamoDbOrderRepository.toItem(order));
    item.put(OrdersTable.CREATED_AT, AttributeValue.fromS("2026-11-26T10:00:00Z"));
    item.put(OrdersTable.OWNER, AttributeValue.fromS(OWNER.id()));
    DB.client().putItem(b -> b.tableName(LocalDynamoDb.ORDERS_TABLE).item(item));

    // Then
    assertThat(repository.findById(OWNER, order.id())).contains(order);
  }
}
