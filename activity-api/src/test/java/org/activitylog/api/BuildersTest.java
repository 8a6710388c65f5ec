package org.activitylog.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
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

  private static BrightideaDetails fullDetails() {
    Member m = fullMember();
    return new BrightideaDetails(
        "idea",
        "title",
        "category",
        false,
        true,
        "update",
        List.of(new HiFive("h", T1, "update", m)),
        List.of(new Comment("c", "text", T2, "update", m)),
        new Attachment(
            "a", "ref", "jpg", "p.jpg", "Update Photo", "https://x.test/p", "image/jpeg"));
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
        fullDetails());
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
    assertThat(fullDetails().toBuilder().build()).isEqualTo(fullDetails());
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
    assertThat(BrightideaDetails.builder().build())
        .isEqualTo(
            new BrightideaDetails(null, null, null, null, null, null, List.of(), List.of(), null));
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
                BrightideaDetails.NONE));
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
}
