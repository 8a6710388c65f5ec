package org.activitylog.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.activitylog.api.ActivityCatalogue;
import org.activitylog.api.ActivityKind;
import org.activitylog.api.ActivityType;
import org.activitylog.api.Campaign;
import org.activitylog.api.JsonValue;
import org.activitylog.api.Member;
import org.activitylog.api.NewActivity;
import org.activitylog.api.UnknownActivityType;
import org.activitylog.api.UserSimple;
import org.activitylog.api.ValidationException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The record on the topic: what it carries, and that records already written still read. */
class ActivityRecordFormatTest {
  private final ActivityRecordFormat format = ActivityRecordFormat.of(ActivityCatalogue.standard());

  /** A host's own types, registered in its catalogue. */
  enum HostType implements ActivityKind {
    REPORT_EXPORTED("host:report-exported");

    private final String code;

    HostType(String code) {
      this.code = code;
    }

    @Override
    public String code() {
      return code;
    }

    @Override
    public String label() {
      return name();
    }
  }

  @Nested
  @DisplayName("Round trip")
  class RoundTrip {
    /** If this fails, check that write() puts every field of NewActivity and read() takes it. */
    @Test
    @DisplayName("An activity with every field set reads back equal, resource exact")
    void everyField() {
      Member ada = Member.builder(UUID.randomUUID()).screenName("ada").email("a@x.org").build();
      NewActivity a =
          NewActivity.builder(ActivityType.POST_IDEA, ada)
              .uid(UUID.randomUUID())
              .createdAt(Instant.parse("2026-01-02T03:04:05.123456Z"))
              .createdBy("svc")
              .text("hello")
              .resource(Map.of("n", new BigDecimal("1.50"), "list", List.of(1, "two")))
              .workspaceGroupId(12)
              .derivedWorkspaceGroupId(13L)
              .campaign(new Campaign(UUID.randomUUID(), "camp"))
              .extensions(
                  Map.of(
                      "idea_id",
                      JsonValue.of("i1"),
                      "hifives",
                      JsonValue.of(
                          List.of(Map.of("id", "h", "member", Map.of("screen_name", "u"))))))
              .build();
      assertThat(format.read(format.write(a))).isEqualTo(a);
    }

    /** If this fails, check that absent fields are left out and read back as absent. */
    @Test
    @DisplayName("A minimal activity of a user reads back equal")
    void minimal() {
      NewActivity a =
          NewActivity.builder(ActivityType.USER_LOGIN, UserSimple.of(5, "bob", "b@x.org"))
              .uid(UUID.randomUUID())
              .createdAt(Instant.parse("2026-01-02T03:04:05Z"))
              .build();
      assertThat(format.read(format.write(a))).isEqualTo(a);
      assertThat(new String(format.write(a), StandardCharsets.UTF_8))
          .startsWith("{\"v\":1,")
          .doesNotContain("campaign", "details", "resource", "created_by");
    }

    /** If this fails, check that read() resolves codes against the catalogue it was given. */
    @Test
    @DisplayName(
        "A host-defined type code reads as the host's type with its catalogue, unknown without")
    void hostTypes() {
      NewActivity a =
          NewActivity.builder(HostType.REPORT_EXPORTED, UserSimple.of(5, "bob", "b@x.org"))
              .uid(UUID.randomUUID())
              .createdAt(Instant.parse("2026-01-02T03:04:05Z"))
              .build();
      byte[] record = format.write(a);
      ActivityRecordFormat host =
          ActivityRecordFormat.of(ActivityCatalogue.standard().with(HostType.class));
      assertThat(host.read(record).content().type()).isEqualTo(HostType.REPORT_EXPORTED);
      assertThat(format.read(record).content().type())
          .isEqualTo(new UnknownActivityType("host:report-exported"));
    }

    /** If this fails, check that write() refuses an activity the recorder did not stamp. */
    @Test
    @DisplayName("An activity without uid or creation time cannot be written")
    void unstamped() {
      NewActivity a =
          NewActivity.builder(ActivityType.USER_LOGIN, UserSimple.of(5, "bob", "b@x.org")).build();
      assertThatThrownBy(() -> format.write(a)).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Nested
  @DisplayName("Version 1")
  class VersionOne {
    /**
     * If this fails, a change broke records already on topics: version 1 must read forever; add a
     * version instead.
     */
    @Test
    @DisplayName("A version 1 record stored as text still reads, field by field")
    void storedText() throws IOException {
      NewActivity a = format.read(resource("record-v1.json"));
      assertThat(a.uid()).isEqualTo(UUID.fromString("7b0c6d1e-2a4f-4c1b-9a35-0f6e2d9c8b71"));
      assertThat(a.createdAt()).isEqualTo(Instant.parse("2026-11-02T09:15:30.123456Z"));
      assertThat(a.createdBy()).isEqualTo("ingest-test");
      var c = a.content();
      assertThat(c.type()).isEqualTo(ActivityType.POST_IDEA);
      assertThat(c.actor())
          .isEqualTo(
              Member.builder(UUID.fromString("2f1d3c4b-5a69-4788-9abc-def012345678"))
                  .screenName("ada")
                  .email("ada@example.org")
                  .dateCreated(Instant.parse("2020-01-02T03:04:05Z"))
                  .active(true)
                  .build());
      assertThat(c.text()).isEqualTo("posted an idea");
      assertThat(c.resource())
          .isEqualTo(
              JsonValue.of(
                  Map.of(
                      "idea",
                      42,
                      "score",
                      new BigDecimal("1.50"),
                      "tags",
                      List.of("a", "b"),
                      "big",
                      new BigDecimal("123456789012345678901234567890"))));
      assertThat(c.workspaceGroupId()).isEqualTo(77);
      assertThat(c.derivedWorkspaceGroupId()).isEqualTo(78L);
      assertThat(c.campaign())
          .isEqualTo(
              new Campaign(UUID.fromString("0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"), "Spring"));
      // Version 1's "details" is the extension slot, member for member.
      assertThat(c.extensions())
          .containsEntry("idea_id", JsonValue.of("I-9"))
          .containsEntry("anonymous", JsonValue.of(false))
          .containsKeys("idea_title", "hifives");
      assertThat(c.extensions().get("hifives")).isInstanceOf(JsonValue.JsonArray.class);
      assertThat(((JsonValue.JsonArray) c.extensions().get("hifives")).items()).hasSize(1);
    }

    /** If this fails, check read()'s version check: a newer record must not be misread. */
    @Test
    @DisplayName("A record of an unknown version, not JSON or missing a member is unreadable")
    void unreadable() {
      for (String text :
          List.of(
              "{\"v\":2,\"uid\":\"x\"}",
              "not json",
              "[1]",
              "{\"uid\":\"7b0c6d1e-2a4f-4c1b-9a35-0f6e2d9c8b71\"}",
              "{\"v\":1,\"uid\":\"7b0c6d1e-2a4f-4c1b-9a35-0f6e2d9c8b71\"}",
              "{\"v\":1,\"uid\":\"nope\",\"created_at\":\"2026-01-01T00:00:00Z\","
                  + "\"activity_type\":\"100\",\"actor_kind\":\"USER\","
                  + "\"actor\":{\"id\":1,\"username\":\"u\",\"email\":\"e@x\"},"
                  + "\"workspace_group_id\":1}")) {
        assertThatThrownBy(() -> format.read(text.getBytes(StandardCharsets.UTF_8)))
            .as(text)
            .isInstanceOf(UnreadableRecordException.class);
      }
      assertThatThrownBy(() -> format.read(null)).isInstanceOf(UnreadableRecordException.class);
    }

    /** If this fails, check that the model's rules run when a record is read. */
    @Test
    @DisplayName("A readable record whose activity breaks a model rule is refused by validation")
    void refused() {
      String text =
          "{\"v\":1,\"uid\":\"7b0c6d1e-2a4f-4c1b-9a35-0f6e2d9c8b71\","
              + "\"created_at\":\"2026-01-01T00:00:00Z\",\"activity_type\":\"100\","
              + "\"actor_kind\":\"USER\",\"actor\":{\"id\":1,\"username\":\"u\",\"email\":\"e@x\"},"
              + "\"workspace_group_id\":-1}";
      assertThatThrownBy(() -> format.read(text.getBytes(StandardCharsets.UTF_8)))
          .isInstanceOf(ValidationException.class);
    }
  }

  private static byte[] resource(String name) throws IOException {
    try (InputStream in = ActivityRecordFormatTest.class.getResourceAsStream(name)) {
      assertThat(in).as(name).isNotNull();
      return in.readAllBytes();
    }
  }
}
