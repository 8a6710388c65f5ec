package org.activitylog.formats;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.activitylog.api.JsonValue;
import org.activitylog.api.JsonValue.JsonObject;
import org.activitylog.api.Member;
import org.activitylog.jackson.ModelCodec;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Brightidea's typed view over the extension slot: the stored bytes and the round trip. */
@DisplayName("Brightidea's type-specific fields in the extension slot")
class BrightideaDetailsTest {
  private static final ModelCodec STORED = ModelCodec.standard();
  private static final Instant T = Instant.parse("2026-03-04T05:06:07.123456Z");
  private static final UUID MAX = UUID.fromString("d2136c62-b65e-40d2-abd2-873aef120514");
  private static final UUID BARE = UUID.fromString("0a0b0c0d-0000-4000-8000-00000000abcd");

  private static final Member FULL_MEMBER =
      new Member(
          MAX,
          "m@example.com",
          "Screen",
          "First",
          "Last",
          "Job",
          "Addr",
          "123",
          "456",
          "ext-1",
          "skills",
          "history",
          "https://example.com/p.png",
          T,
          Instant.parse("2013-04-18T12:16:41.720Z"),
          false,
          "file-9");
  private static final Member BARE_MEMBER = Member.of(BARE, "Bare");
  private static final Member EMPTY_TEXTS =
      new Member(
          BARE, null, "", "", null, null, null, null, null, "", null, null, "", null, null, true,
          "");
  private static final BrightideaDetails DETAILS =
      new BrightideaDetails(
          "idea-1",
          "Title",
          "Cat",
          true,
          false,
          "upd-1",
          List.of(
              new HiFive("h1", T, "upd-1", FULL_MEMBER),
              new HiFive(null, null, null, null),
              new HiFive("h3", null, "u", BARE_MEMBER)),
          List.of(
              new Comment("c1", "hello <b>", T, "upd-1", EMPTY_TEXTS),
              new Comment(null, "", null, null, null)),
          new Attachment("a1", "r1", "png", "f.png", "g", "https://example.com/f.png", "image"));
  private static final BrightideaDetails PARTIAL_DETAILS =
      new BrightideaDetails(
          null,
          null,
          null,
          null,
          null,
          "u",
          List.of(),
          List.of(),
          new Attachment(null, null, null, null, null, null, null));

  private static String stored(BrightideaDetails details) {
    return ModelCodec.write(ModelCodec.toNode(new JsonObject(details.toExtensions())));
  }

  /**
   * If this fails, check BrightideaFields.write: the JDBC backend stored exactly these bytes in its
   * details column before the slot existed, so every row already written holds them.
   */
  @Test
  @DisplayName("The fields are written into the slot byte for byte as the JDBC backend stored them")
  void detailsAsStored() {
    assertThat(stored(DETAILS))
        .isEqualTo(
            "{\"idea_id\":\"idea-1\",\"idea_title\":\"Title\",\"category_name\":\"Cat\","
                + "\"anonymous\":true,\"team_submission\":false,\"update_id\":\"upd-1\","
                + "\"hifives\":[{\"id\":\"h1\",\"date_created\":\"2026-03-04T05:06:07.123456Z\","
                + "\"update_id\":\"upd-1\",\"member\":"
                + ModelCodec.write(STORED.actor(FULL_MEMBER))
                + "},{},{\"id\":\"h3\",\"update_id\":\"u\",\"member\":"
                + "{\"id\":\"0a0b0c0d-0000-4000-8000-00000000abcd\",\"screen_name\":\"Bare\"}}],"
                + "\"comments\":[{\"id\":\"c1\",\"comment\":\"hello <b>\","
                + "\"date_created\":\"2026-03-04T05:06:07.123456Z\",\"update_id\":\"upd-1\","
                + "\"member\":"
                + ModelCodec.write(STORED.actor(EMPTY_TEXTS))
                + "},{\"comment\":\"\"}],"
                + "\"attachment\":{\"id\":\"a1\",\"reference_id\":\"r1\",\"extension\":\"png\","
                + "\"original_filename\":\"f.png\",\"grouping\":\"g\","
                + "\"url\":\"https://example.com/f.png\",\"type\":\"image\"}}");
    assertThat(stored(PARTIAL_DETAILS)).isEqualTo("{\"update_id\":\"u\",\"attachment\":{}}");
  }

  /** If this fails, check BrightideaFields.read against BrightideaFields.write. */
  @Test
  @DisplayName("The fields read back from the slot equal, and no fields is an empty slot")
  void roundTrip() {
    for (BrightideaDetails details : List.of(DETAILS, PARTIAL_DETAILS, BrightideaDetails.NONE)) {
      assertThat(BrightideaDetails.of(details.toExtensions()))
          .as("read back from %s", details.toExtensions())
          .isEqualTo(details);
    }
    assertThat(BrightideaDetails.NONE.toExtensions()).isEmpty();
  }

  /** If this fails, check that BrightideaFields.read looks up only the seed's member names. */
  @Test
  @DisplayName("Members of the slot that are not Brightidea's are passed over")
  void otherMembersPassedOver() {
    Map<String, JsonValue> slot = new LinkedHashMap<>(PARTIAL_DETAILS.toExtensions());
    slot.put("host_field", JsonValue.of(List.of(1, 2)));
    slot.put("anonymous", JsonValue.of("not a boolean"));

    assertThat(BrightideaDetails.of(slot)).isEqualTo(PARTIAL_DETAILS);
  }
}
