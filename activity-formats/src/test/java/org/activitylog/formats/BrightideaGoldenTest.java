package org.activitylog.formats;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.activitylog.api.Activity;
import org.activitylog.api.ActivityType;
import org.activitylog.api.Campaign;
import org.activitylog.api.Member;
import org.activitylog.api.NewActivity;
import org.activitylog.api.Page;
import org.activitylog.spi.StoredActivities;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The seed's Brightidea examples, read from the one copy {@link SeedExamples} ships: each member
 * reads into its own field, and what is read writes back to the same JSON.
 */
@DisplayName("Brightidea golden examples")
class BrightideaGoldenTest {
  private static final long WORKSPACE = 7;
  private final BrightideaFormat json = BrightideaFormat.json();

  @Test
  @DisplayName("the GET example reads as a POST_IDEA, each member into its own field")
  void getExampleReadsIntoTheModel() {
    JsonNode wire = Fixtures.tree(SeedExamples.brightideaGetActivity()).get("activity");

    NewActivity read = json.readActivity(SeedExamples.brightideaGetActivity(), WORKSPACE);

    assertThat(read.content().type()).isEqualTo(ActivityType.POST_IDEA);
    assertThat(read.uid()).isEqualTo(uuid(wire, "id"));
    assertThat(read.createdAt()).isEqualTo(time(wire, "date_created"));
    assertThat(read.content().workspaceGroupId()).isEqualTo(WORKSPACE);
    assertThat(read.content().campaign())
        .isEqualTo(new Campaign(uuid(wire, "campaign_id"), text(wire, "campaign_name")));
    BrightideaDetails details = BrightideaDetails.of(read.content().extensions());
    assertThat(details.ideaId()).isEqualTo(text(wire, "idea_id"));
    assertThat(details.ideaTitle()).isEqualTo(text(wire, "idea_title"));
    assertThat(details.categoryName()).isEqualTo(text(wire, "category_name"));
    assertThat(details.anonymous()).isEqualTo(wire.get("anonymous").booleanValue());
    assertThat(details.teamSubmission()).isEqualTo(wire.get("team_submission").booleanValue());
    assertMember((Member) read.content().actor(), wire.get("member"));
  }

  @Test
  @DisplayName("the GET example writes back to the same JSON")
  void getExampleWritesBackToTheSameJson() {
    String fixture = SeedExamples.brightideaGetActivity();

    String written = json.writeActivity(stored(1, json.readActivity(fixture, WORKSPACE)));

    Fixtures.assertSameAsSeed(written, fixture);
  }

  @Test
  @DisplayName("the LIST example reads as two POST_UPDATEs, each member into its own field")
  void listExampleReadsIntoTheModel() {
    JsonNode wire = Fixtures.tree(SeedExamples.brightideaListActivity()).get("activity_list");

    List<NewActivity> read = json.readList(SeedExamples.brightideaListActivity(), WORKSPACE);

    assertThat(read).hasSize(wire.size());
    for (int i = 0; i < read.size(); i++) {
      NewActivity activity = read.get(i);
      JsonNode item = wire.get(i);
      assertThat(activity.content().type()).isEqualTo(ActivityType.POST_UPDATE);
      assertThat(activity.uid()).isEqualTo(uuid(item, "id"));
      assertThat(activity.createdAt()).isEqualTo(time(item, "date_created"));
      assertThat(activity.content().text()).isEqualTo(text(item, "text"));
      assertThat(BrightideaDetails.of(activity.content().extensions()).updateId())
          .isEqualTo(text(item, "update_id"));
      assertMember((Member) activity.content().actor(), item.get("member"));
    }
    HiFive hifive = BrightideaDetails.of(read.get(0).content().extensions()).hifives().get(0);
    JsonNode hifiveWire = wire.at("/0/hifive/0");
    assertThat(hifive.id()).isEqualTo(text(hifiveWire, "id"));
    assertThat(hifive.dateCreated()).isEqualTo(time(hifiveWire, "date_created"));
    assertThat(hifive.updateId()).isEqualTo(text(hifiveWire, "update_id"));
    assertMember(Objects.requireNonNull(hifive.member()), hifiveWire.get("member"));
    Comment comment = BrightideaDetails.of(read.get(0).content().extensions()).comments().get(0);
    JsonNode commentWire = wire.at("/0/comments/0");
    assertThat(comment.id()).isEqualTo(text(commentWire, "id"));
    assertThat(comment.comment()).isEqualTo(text(commentWire, "comment"));
    assertThat(comment.dateCreated()).isEqualTo(time(commentWire, "date_created"));
    assertThat(comment.updateId()).isEqualTo(text(commentWire, "update_id"));
    assertMember(Objects.requireNonNull(comment.member()), commentWire.get("member"));
    Attachment attachment =
        Objects.requireNonNull(
            BrightideaDetails.of(read.get(1).content().extensions()).attachment());
    JsonNode attachmentWire = wire.at("/1/attachment");
    assertThat(attachment)
        .isEqualTo(
            new Attachment(
                text(attachmentWire, "id"),
                text(attachmentWire, "reference_id"),
                text(attachmentWire, "extension"),
                text(attachmentWire, "original_filename"),
                text(attachmentWire, "grouping"),
                text(attachmentWire, "url"),
                text(attachmentWire, "type")));
  }

  @Test
  @DisplayName("the LIST example writes back to the same JSON given total 5, page 1, size 2")
  void listExampleWritesBackToTheSameJson() {
    String fixture = SeedExamples.brightideaListActivity();
    List<NewActivity> read = json.readList(fixture, WORKSPACE);

    String written =
        json.writePage(
            new Page<>(List.of(stored(1, read.get(0)), stored(2, read.get(1))), 5, 1, 2));

    Fixtures.assertSameAsSeed(written, fixture);
  }

  @Test
  @DisplayName("stats write total as a string and the page numbers as numbers")
  void statsWriteTotalAsAString() {
    String written = json.writePage(new Page<Activity>(List.of(), 41, 3, 20));

    assertThat(Fixtures.tree(written).get("stats").toString())
        .isEqualTo("{\"total\":\"41\",\"page_count\":3,\"current_page\":3}");
    assertThat(Fixtures.tree(written).get("activity_list").size()).isZero();
  }

  @Test
  @DisplayName("ids are written as upper-case UUIDs even when they were given in lower case")
  void idsAreUpperCase() {
    String fixture = SeedExamples.brightideaGetActivity().toLowerCase(java.util.Locale.ROOT);
    // Lower-casing the whole body also lower-cases the type, so put it back.
    fixture = fixture.replace("\"post_idea\"", "\"POST_IDEA\"");

    String written = json.writeActivity(stored(1, json.readActivity(fixture, WORKSPACE)));

    assertThat(Fixtures.tree(written).at("/activity/id").textValue())
        .isEqualTo("D2136C62-B65E-40D2-ABD2-873AEF120514");
    assertThat(Fixtures.tree(written).at("/activity/member/id").textValue())
        .isEqualTo("B471BFED-BCC2-49CC-A917-5F09AA73EEB3");
    assertThat(Fixtures.tree(written).at("/activity/campaign_id").textValue())
        .isEqualTo("0A140858-AD8A-4F97-9926-D80AD156A130");
  }

  @Test
  @DisplayName("times are read and written in the configured zone")
  void timesFollowTheConfiguredZone() {
    BrightideaFormat newYork = BrightideaFormat.json(ZoneId.of("America/New_York"));
    String fixture = SeedExamples.brightideaGetActivity();

    NewActivity read = newYork.readActivity(fixture, WORKSPACE);

    // 12:16:41.720 on 18 April 2013 in New York (EDT, UTC-4) is 16:16:41.720 UTC.
    assertThat(read.createdAt()).isEqualTo(Instant.parse("2013-04-18T16:16:41.720Z"));
    Fixtures.assertSameAsSeed(newYork.writeActivity(stored(1, read)), fixture);
    assertThat(Fixtures.tree(json.writeActivity(stored(1, read))).at("/activity/date_created"))
        .hasToString("\"2013-04-18 16:16:41.720\"");
  }

  @Test
  @DisplayName("times are written with exactly three fraction digits")
  void timesHaveThreeFractionDigits() {
    NewActivity draft =
        SeedExamples.brightideaPostIdea(WORKSPACE)
            .withCreatedAt(Instant.parse("2024-02-29T23:59:59Z"));

    String written = json.writeActivity(stored(1, draft));

    assertThat(Fixtures.tree(written).at("/activity/date_created").textValue())
        .isEqualTo("2024-02-29 23:59:59.000");
  }

  static Activity stored(long id, NewActivity draft) {
    return StoredActivities.created(id, draft);
  }

  /**
   * Asserts that every member of a wire {@code member} is read into its own field: {@code ""} as
   * {@code ""}, {@code null} and a left-out member as absent, times as UTC.
   */
  private static void assertMember(Member member, JsonNode wire) {
    assertThat(member)
        .isEqualTo(
            new Member(
                uuid(wire, "id"),
                text(wire, "email"),
                text(wire, "screen_name"),
                text(wire, "first_name"),
                text(wire, "last_name"),
                text(wire, "job_title"),
                text(wire, "address"),
                text(wire, "phone"),
                text(wire, "mobile_phone"),
                text(wire, "external_user_id"),
                text(wire, "skills"),
                text(wire, "work_history"),
                text(wire, "photo_url"),
                time(wire, "date_created"),
                time(wire, "date_modified"),
                wire.hasNonNull("active") ? wire.get("active").booleanValue() : null,
                text(wire, "photo_file_id")));
  }

  private static String text(JsonNode object, String name) {
    return object.hasNonNull(name) ? object.get(name).textValue() : null;
  }

  private static UUID uuid(JsonNode object, String name) {
    return UUID.fromString(Objects.requireNonNull(text(object, name)));
  }

  /** A Brightidea time, {@code yyyy-MM-dd HH:mm:ss.SSS} without a zone, read as UTC. */
  private static Instant time(JsonNode object, String name) {
    String value = text(object, name);
    return value == null
        ? null
        : LocalDateTime.parse(value.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
  }
}
