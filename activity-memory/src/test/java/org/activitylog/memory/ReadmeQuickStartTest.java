package org.activitylog.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.Map;
import java.util.Set;
import org.activitylog.api.Activity;
import org.activitylog.api.ActivityCatalogue;
import org.activitylog.api.ActivityKind;
import org.activitylog.api.ActivityQuery;
import org.activitylog.api.ActivityType;
import org.activitylog.api.NewActivity;
import org.activitylog.api.Page;
import org.activitylog.api.PageRequest;
import org.activitylog.api.Sort;
import org.activitylog.api.UserSimple;
import org.activitylog.core.ActivityLog;
import org.activitylog.core.Requester;
import org.activitylog.recorder.ActivityRecorder;
import org.activitylog.spi.ActivityStore;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The README's quick start, line for line, so the first code a user copies keeps working. */
class ReadmeQuickStartTest {

  @Test
  @DisplayName("The README's quick start records an activity and lists it back")
  void quickStart() {
    ActivityStore store = InMemoryActivityStore.create(Clock.systemUTC()); // or JdbcActivityStore
    ActivityLog log = ActivityLog.builder(store).build(); // private site by default

    UserSimple john = UserSimple.of(42, "johndoe", "johndoe@example.com");
    Requester requester = Requester.user(john.ref(), "johndoe", Set.of(7L), Set.of(7L));

    log.record(
        requester,
        NewActivity.builder(ActivityType.USER_LOGIN, john)
            .workspaceGroupId(7)
            .text("User logged in")
            .resource(Map.of("ip", "192.168.1.10"))
            .build());

    Page<Activity> page =
        log.list(
            requester,
            ActivityQuery.builder().type(ActivityType.USER_LOGIN).build(),
            PageRequest.of(1, 20),
            Sort.DEFAULT);

    assertThat(page.items()).extracting(Activity::text).containsExactly("User logged in");
    assertThat(page.total()).isEqualTo(1);
    assertThat(page.items().get(0).actor()).isEqualTo(john);
  }

  /** The README's host-defined types, as written there. */
  enum ShopActivity implements ActivityKind {
    ORDER_PLACED("shop.order_placed", "Order Placed");

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

  @Test
  @DisplayName(
      "The README's host-defined type is recorded, filtered and read back as the host's constant")
  void hostDefinedType() {
    UserSimple john = UserSimple.of(42, "johndoe", "johndoe@example.com");
    Requester requester = Requester.user(john.ref(), "johndoe", Set.of(7L), Set.of(7L));

    ActivityCatalogue types = ActivityCatalogue.standard().with(ShopActivity.class);
    ActivityStore shop = InMemoryActivityStore.create(Clock.systemUTC(), types);
    // or JdbcActivityStore.builder().catalogue(types).build()
    ActivityLog shopLog = ActivityLog.builder(shop).build();

    shopLog.record(
        requester,
        NewActivity.builder(ShopActivity.ORDER_PLACED, john)
            .workspaceGroupId(7)
            .resource(Map.of("order", 1001))
            .build());

    Page<Activity> orders =
        shopLog.list(
            requester,
            ActivityQuery.builder().type(ShopActivity.ORDER_PLACED).build(),
            PageRequest.of(1, 20),
            Sort.DEFAULT);

    assertThat(orders.items())
        .extracting(Activity::type)
        .containsExactly(ShopActivity.ORDER_PLACED);
    assertThat(orders.total()).isEqualTo(1);
  }

  @Test
  @DisplayName("The README's recorder snippet stores the activity by the time the recorder closes")
  void recorderSnippet() {
    ActivityStore store = InMemoryActivityStore.create(Clock.systemUTC());
    UserSimple john = UserSimple.of(42, "johndoe", "johndoe@example.com");

    try (ActivityRecorder recorder = ActivityRecorder.builder(store).build()) {
      recorder.record(ActivityType.GAME_WON, john).workspaceGroupId(7).text("won a game").submit();
    }

    assertThat(store.activities().count(ActivityQuery.builder().workspaceGroupId(7).build()))
        .isEqualTo(1);
  }
}
