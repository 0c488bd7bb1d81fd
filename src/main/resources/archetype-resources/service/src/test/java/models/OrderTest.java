package ${package}.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import static ${package}.models.OrderFixtures.aCreateOrderRequest;
import static ${package}.models.OrderFixtures.anOrder;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OrderTest {

  private static final String ID = "3f1c2a9e-5b7d-4e8a-9c0f-1a2b3c4d5e6f";
  private static final Instant CREATED = Instant.parse("2026-11-26T10:15:30.123Z");

  @Test
  void create_copiesTheRequest() {
    // When
    Order order =
        Order.create(
            UUID.fromString(ID),
            aCreateOrderRequest().customerName("Ada").orderItemCount(3).build(),
            CREATED,
            10);

    // Then
    assertThat(order)
        .isEqualTo(
            anOrder()
                .id(ID)
                .customerName("Ada")
                .orderItemCount(3)
                .createdAt(CREATED)
                .discountPercent(10)
                .build());
  }

  @Test
  void json_hasTheContractFieldsWithIsoDate() {
    // When
    String json =
        Json.write(
            anOrder()
                .id(ID)
                .customerName("Ada")
                .orderItemCount(3)
                .createdAt(CREATED)
                .discountPercent(0)
                .build());

    // Then
    assertThat(json)
        .isEqualTo(
            "{\"id\":\""
                + ID
                + "\",\"customerName\":\"Ada\",\"orderItemCount\":3,"
                + "\"createdAt\":\"2026-11-26T10:15:30.123Z\",\"discountPercent\":0}");
  }

  @Test
  void idThatIsNotUuid_isRejected() {
    assertThatThrownBy(() -> anOrder().id("not-a-uuid").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("UUID");
  }

  @Test
  void itemCountBelowOne_isRejected() {
    assertThatThrownBy(() -> anOrder().id(ID).orderItemCount(0).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("orderItemCount");
  }

  @Test
  void discountOutsidePercentRange_isRejected() {
    assertThatThrownBy(() -> anOrder().discountPercent(101).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("discountPercent");
    assertThatThrownBy(() -> anOrder().discountPercent(-1).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("discountPercent");
  }

  @Test
  void orderId_acceptsOnlyCanonicalUuids() {
    assertThat(OrderId.isValid(ID)).isTrue();
    assertThat(OrderId.isValid(ID.toUpperCase())).isFalse();
    assertThat(OrderId.isValid("priming")).isFalse();
    assertThat(OrderId.isValid(null)).isFalse();
  }
}
