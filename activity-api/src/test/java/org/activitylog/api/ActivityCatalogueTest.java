package org.activitylog.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.activitylog.spi.QueryMatching;
import org.activitylog.spi.StoredActivities;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ActivityCatalogueTest {

  /** A host application's own types, as the README's quick start defines them. */
  enum ShopActivity implements ActivityKind {
    ORDER_PLACED("shop.order_placed", "Order Placed"),
    ORDER_SHIPPED("shop.order_shipped", "Order Shipped");

    private final String code;
    private final String label;

    ShopActivity(String code, String label) {
      this.code = code;
      this.label = label;
    }

    @Override
    public String code() {
      return code;
    }

    @Override
    public String label() {
      return label;
    }
  }

  /** Claims an AISquare code. */
  enum Clashing implements ActivityKind {
    LOGIN;

    @Override
    public String code() {
      return "100";
    }

    @Override
    public String label() {
      return "Login";
    }
  }

  /** Claims a Brightidea code in lower case. */
  enum ClashingInCase implements ActivityKind {
    IDEA;

    @Override
    public String code() {
      return "post_idea";
    }

    @Override
    public String label() {
      return "Idea";
    }
  }

  /** A code with a space, which the stored column and the HTTP parameter cannot carry. */
  enum BadCode implements ActivityKind {
    SPACED;

    @Override
    public String code() {
      return "order placed";
    }

    @Override
    public String label() {
      return "Spaced";
    }
  }

  @Test
  @DisplayName("The standard catalogue knows exactly the 91 AISquare and 11 Brightidea types")
  void standardIsTheSeeds() {
    ActivityCatalogue standard = ActivityCatalogue.standard();
    assertThat(standard.types()).containsExactly((ActivityKind[]) ActivityType.values());
    assertThat(standard.types()).hasSize(102);
    assertThat(standard.find("100")).contains(ActivityType.USER_LOGIN);
    assertThat(standard.find("POST_IDEA")).contains(ActivityType.POST_IDEA);
  }

  @Test
  @DisplayName("A registered host enum's codes resolve to its constants, the seeds' still resolve")
  void hostEnumResolves() {
    ActivityCatalogue shop = ActivityCatalogue.standard().with(ShopActivity.class);
    assertThat(shop.resolve("shop.order_placed")).isSameAs(ShopActivity.ORDER_PLACED);
    assertThat(shop.resolve("100")).isSameAs(ActivityType.USER_LOGIN);
    assertThat(shop.types()).hasSize(104).endsWith(ShopActivity.values());
    assertThat(ActivityCatalogue.standard().find("shop.order_placed"))
        .as("registering returns a new catalogue; the standard one is unchanged")
        .isEmpty();
  }

  @Test
  @DisplayName("A code no registered type claims resolves to an UnknownActivityType, not an error")
  void unknownCodeIsTyped() {
    ActivityKind kind = ActivityCatalogue.standard().resolve("shop.order_placed");
    assertThat(kind).isEqualTo(new UnknownActivityType("shop.order_placed"));
    assertThat(kind.label()).isEqualTo("shop.order_placed");
    assertThat(kind.sameCode(ShopActivity.ORDER_PLACED)).isTrue();
    assertThat(ActivityCatalogue.standard().resolve("post_idea"))
        .as("codes are exact: case included")
        .isEqualTo(new UnknownActivityType("post_idea"));
  }

  @Test
  @DisplayName("A code claimed twice fails at registration, naming both types")
  void clashNamesBoth() {
    assertThatThrownBy(() -> ActivityCatalogue.standard().with(Clashing.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "activity code \"100\" is claimed by both ActivityType.USER_LOGIN and Clashing.LOGIN");
    assertThatThrownBy(() -> ActivityCatalogue.standard().with(ClashingInCase.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ActivityType.POST_IDEA")
        .hasMessageContaining("ClashingInCase.IDEA");
    assertThatThrownBy(
            () -> ActivityCatalogue.standard().with(ShopActivity.class).with(ShopActivity.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("already registered");
  }

  @Test
  @DisplayName("A host code a backend cannot store fails at registration, naming the code")
  void badCodeRefused() {
    assertThatThrownBy(() -> ActivityCatalogue.standard().with(BadCode.class))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("activity_type")
        .hasMessageContaining("order placed");
    assertThatThrownBy(() -> new UnknownActivityType("x".repeat(ActivityKind.MAX_CODE + 1)))
        .isInstanceOf(ValidationException.class);
  }

  @Test
  @DisplayName("The model takes a host type, and a query matches types by code")
  void modelTakesHostTypes() {
    UserSimple user = UserSimple.of(1, "ann", "ann@example.com");
    NewActivity draft =
        NewActivity.builder(ShopActivity.ORDER_PLACED, user)
            .workspaceGroupId(7)
            .uid(UUID.randomUUID())
            .createdAt(Instant.parse("2026-01-01T00:00:00Z"))
            .resource(Map.of("order", 12))
            .build();
    Activity stored = StoredActivities.created(1, draft);
    assertThat(stored.type()).isSameAs(ShopActivity.ORDER_PLACED);
    ActivityQuery byUnknown =
        ActivityQuery.builder().type(new UnknownActivityType("shop.order_placed")).build();
    ActivityQuery byOther = ActivityQuery.builder().type(ShopActivity.ORDER_SHIPPED).build();
    assertThat(QueryMatching.matches(byUnknown, stored, Set.of())).isTrue();
    assertThat(QueryMatching.matches(byOther, stored, Set.of())).isFalse();
    assertThat(
            StoredActivities.changes(
                ActivityUpdate.NONE.withType(new UnknownActivityType("shop.order_placed")),
                stored.content()))
        .as("the same code is the same type: no change")
        .isFalse();
  }
}
