package org.activitylog.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.activitylog.api.Activity;
import org.activitylog.api.ActivityType;
import org.activitylog.api.Member;
import org.activitylog.formats.Attachment;
import org.activitylog.formats.BrightideaDetails;
import org.activitylog.formats.Comment;
import org.activitylog.formats.HiFive;
import org.activitylog.testkit.MutableClock;
import org.activitylog.testkit.TestActivities;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Rows written before the extension slot: their {@code details} column holds the text the previous
 * codec wrote for Brightidea's fields, which must read back through the slot unchanged.
 */
@DisplayName("Details stored before the extension slot")
class LegacyDetailsTest {
  private static final Instant T = Instant.parse("2026-03-04T05:06:07.123456Z");
  private static final UUID MEMBER = UUID.fromString("0a0b0c0d-0000-4000-8000-00000000abcd");

  /** What the previous codec (ModelCodec.details) wrote for {@link #DETAILS}, byte for byte. */
  private static final String STORED_BEFORE =
      "{\"idea_id\":\"idea-1\",\"idea_title\":\"Title\",\"category_name\":\"Cat\","
          + "\"anonymous\":true,\"team_submission\":false,\"update_id\":\"upd-1\","
          + "\"hifives\":[{\"id\":\"h1\",\"date_created\":\"2026-03-04T05:06:07.123456Z\","
          + "\"update_id\":\"upd-1\",\"member\":"
          + "{\"id\":\"0a0b0c0d-0000-4000-8000-00000000abcd\",\"screen_name\":\"Bare\"}},{}],"
          + "\"comments\":[{\"id\":\"c1\",\"comment\":\"hello <b>\","
          + "\"date_created\":\"2026-03-04T05:06:07.123456Z\",\"update_id\":\"upd-1\"},"
          + "{\"comment\":\"\"}],"
          + "\"attachment\":{\"id\":\"a1\",\"reference_id\":\"r1\",\"extension\":\"png\","
          + "\"original_filename\":\"f.png\",\"grouping\":\"g\","
          + "\"url\":\"https://example.com/f.png\",\"type\":\"image\"}}";

  private static final BrightideaDetails DETAILS =
      new BrightideaDetails(
          "idea-1",
          "Title",
          "Cat",
          true,
          false,
          "upd-1",
          List.of(
              new HiFive("h1", T, "upd-1", Member.of(MEMBER, "Bare")),
              new HiFive(null, null, null, null)),
          List.of(
              new Comment("c1", "hello <b>", T, "upd-1", null),
              new Comment(null, "", null, null, null)),
          new Attachment("a1", "r1", "png", "f.png", "g", "https://example.com/f.png", "image"));

  private final MutableClock clock = new MutableClock();
  private final TestActivities data = new TestActivities(clock);

  /**
   * If this fails, check JsonColumns.readDetails and BrightideaFields.read: a row written before
   * the slot existed must read back as the same fields, and as the same slot as a row written now.
   */
  @ParameterizedTest(name = "on {0}")
  @EnumSource(TestDatabase.Kind.class)
  @DisplayName("A details column written by the previous codec reads back as the same fields")
  void legacyRowsReadThroughTheSlot(TestDatabase.Kind kind) {
    try (TestDatabase db = TestDatabase.create(kind, "legacy_details");
        JdbcActivityStore store = db.builder().clock(clock).build()) {
      Member actor = data.member();
      Activity legacy =
          store.activities().insert(data.activity(ActivityType.POST_UPDATE, actor).build());
      Activity current =
          store
              .activities()
              .insert(
                  data.activity(ActivityType.POST_UPDATE, actor)
                      .extensions(DETAILS.toExtensions())
                      .build());
      String value =
          kind == TestDatabase.Kind.POSTGRESQL
              ? "CAST('" + STORED_BEFORE + "' AS jsonb)"
              : "'" + STORED_BEFORE + "'";
      db.execute(
          "UPDATE "
              + db.activityTable()
              + " SET details = "
              + value
              + " WHERE id = "
              + legacy.id());

      Activity read = store.activities().findById(legacy.id()).orElseThrow();
      Activity readCurrent = store.activities().findById(current.id()).orElseThrow();

      assertThat(BrightideaDetails.of(read.content().extensions())).isEqualTo(DETAILS);
      assertThat(read.content().extensions())
          .as("the slot of the legacy row and of a row written now")
          .isEqualTo(readCurrent.content().extensions())
          .isEqualTo(DETAILS.toExtensions());
    }
  }
}
