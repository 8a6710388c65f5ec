package org.activitylog.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The builders of the wide records: what they start with, and that a copy keeps every part. */
class BuildersTest {

  private static final Instant T1 = Instant.parse("2026-01-02T03:04:05.123456Z");
  private static final Instant T2 = Instant.parse("2026-02-03T04:05:06.654321Z");
  private static final Instant T3 = Instant.parse("2026-03-04T05:06:07.111111Z");

  /**
   * Every component is set, to a value its builder does not start with, so a component that
   * toBuilder forgets to copy makes the copy differ.
   */
  private static Member fullMember() {
    return new Member(
        UUID.fromString("3e3be2a0-0000-4000-8000-000000000001"),
        "m@example.com",
        "screen",
        "first",
        "last",
        "job",
        "address",
        "phone",
        "mobile",
        "external",
        "skills",
        "history",
        "https://example.com/p.png",
        T1,
        T2,
        false,
        "photo-file");
  }

  private static UserSimple fullUser() {
    return new UserSimple(
        42,
        "jdoe",
        "jdoe@example.com",
        "John Doe",
        true,
        "dark",
        false,
        true,
        false,
        true,
        "https://example.com/j.png");
  }

  private static Map<String, JsonValue> fullExtensions() {
    Map<String, JsonValue> fields = new LinkedHashMap<>();
    fields.put("z_text", JsonValue.of("idea"));
    fields.put("a_flag", JsonValue.of(true));
    fields.put("number", JsonValue.of(new BigDecimal("1.50")));
    fields.put("none", JsonValue.nullValue());
    fields.put("list", JsonValue.of(List.of(1, "two")));
    fields.put("object", JsonValue.of(Map.of("k", "v")));
    return fields;
  }

  private static ActivityContent fullContent() {
    return new ActivityContent(
        ActivityType.POST_UPDATE,
        fullMember(),
        "text",
        JsonValue.of(Map.of("n", 1)),
        7,
        8L,
        new Campaign(UUID.fromString("3e3be2a0-0000-4000-8000-000000000002"), "campaign"),
        fullExtensions());
  }

  private static Activity fullActivity() {
    return new Activity(
        5,
        UUID.fromString("3e3be2a0-0000-4000-8000-000000000003"),
        fullContent(),
        T1,
        "creator",
        T2,
        "editor",
        T3,
        "remover",
        false,
        4);
  }

  /** If this fails, check that the failing record's toBuilder passes every component on. */
  @Test
  @DisplayName("A copy through toBuilder equals the original, every component kept")
  void toBuilderKeepsEveryComponent() {
    assertThat(fullMember().toBuilder().build()).isEqualTo(fullMember());
    assertThat(fullUser().toBuilder().build()).isEqualTo(fullUser());
    assertThat(fullContent().toBuilder().build()).isEqualTo(fullContent());
    assertThat(fullActivity().toBuilder().build()).isEqualTo(fullActivity());
  }

  /** If this fails, check the failing builder's initial field values against its javadoc. */
  @Test
  @DisplayName(
      "A builder given only the required parts leaves every other one absent, false or empty")
  void buildersStartEmpty() {
    UUID id = UUID.fromString("3e3be2a0-0000-4000-8000-000000000004");
    assertThat(Member.builder(id).build())
        .isEqualTo(
            new Member(
                id, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null));
    assertThat(UserSimple.builder(1, "u", "u@example.com").build())
        .isEqualTo(
            new UserSimple(
                1, "u", "u@example.com", null, false, null, null, null, null, null, null));
    UserSimple actor = UserSimple.of(1, "u", "u@example.com");
    assertThat(ActivityContent.builder(ActivityType.USER_LOGIN, actor, 3).build())
        .isEqualTo(
            new ActivityContent(
                ActivityType.USER_LOGIN,
                actor,
                null,
                JsonValue.nullValue(),
                3,
                null,
                null,
                Map.of()));
  }

  /** If this fails, check Activity.Builder's defaults: they describe a freshly inserted row. */
  @Test
  @DisplayName(
      "An activity builder starts as an insert stores it: updated when created, active, version 1")
  void activityBuilderStartsFresh() {
    UUID uid = UUID.fromString("3e3be2a0-0000-4000-8000-000000000005");
    ActivityContent content = fullContent();

    assertThat(Activity.builder(9, uid, content, T1).build())
        .isEqualTo(new Activity(9, uid, content, T1, null, T1, null, null, null, true, 1));
  }

  /** If this fails, check Extensions.copy: the slot is stored and compared in the given order. */
  @Test
  @DisplayName("The extension slot keeps the given order and cannot be changed afterwards")
  void extensionsKeepOrder() {
    ActivityContent content = fullContent();

    assertThat(content.extensions().keySet())
        .containsExactly("z_text", "a_flag", "number", "none", "list", "object");
    assertThatThrownBy(() -> content.extensions().put("x", JsonValue.nullValue()))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  /** If this fails, check Extensions.copy and Extensions.check and where the builders call them. */
  @Test
  @DisplayName(
      "An extension name must be 1 to 255 well-formed characters, and the slot fits the bound")
  void extensionRules() {
    ActivityContent.Builder builder =
        ActivityContent.builder(ActivityType.USER_LOGIN, UserSimple.of(1, "u", "u@example.com"), 3);

    assertThatThrownBy(() -> builder.extensions(Map.of("", JsonValue.of(1))).build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("extensions");
    assertThatThrownBy(() -> builder.extensions(Map.of("x".repeat(256), JsonValue.of(1))).build())
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> builder.extensions(Map.of("\uD800", JsonValue.of(1))).build())
        .isInstanceOf(ValidationException.class);
    JsonValue big = JsonValue.of("x".repeat(Activity.MAX_EXTENSIONS));
    assertThatThrownBy(() -> builder.extensions(Map.of("big", big)).build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("extensions");
    assertThatThrownBy(() -> ActivityUpdate.NONE.withExtensions(Map.of("big", big)))
        .isInstanceOf(ValidationException.class);
    // A stored row is rebuilt through the constructor, which leaves the size to where data enters.
    ActivityContent stored = builder.extensions(Map.of()).build();
    assertThat(
            new ActivityContent(
                    stored.type(),
                    stored.actor(),
                    null,
                    stored.resource(),
                    3,
                    null,
                    null,
                    Map.of("big", big))
                .toBuilder().text("edited").build().extensions())
        .containsEntry("big", big);
  }

  /** If this fails, check that NewActivity.Builder hands every content setter on. */
  @Test
  @DisplayName("A new activity's builder fills the content as the content's builder does")
  void newActivityBuilderDelegates() {
    ActivityContent content = fullContent();
    NewActivity built =
        NewActivity.builder(content.type(), content.actor())
            .text(content.text())
            .resource(content.resource())
            .workspaceGroupId(content.workspaceGroupId())
            .derivedWorkspaceGroupId(content.derivedWorkspaceGroupId())
            .campaign(content.campaign())
            .extensions(content.extensions())
            .createdAt(T1)
            .build();

    assertThat(built.content()).isEqualTo(content);
  }
}
