package org.activitylog.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.activitylog.api.Activity;
import org.activitylog.api.NewActivity;
import org.activitylog.api.Page;
import org.activitylog.testkit.SeedActivities;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The seed's Brightidea examples read and write back to the same JSON. */
@DisplayName("Brightidea golden examples")
class BrightideaGoldenTest {
  private static final long WORKSPACE = 7;
  private final BrightideaFormat json = BrightideaFormat.json();

  @Test
  @DisplayName("the GET example reads as the seed's POST_IDEA activity with every field")
  void getExampleReadsAsTheSeedActivity() {
    NewActivity read = json.readActivity(Fixtures.read(Fixtures.BRIGHTIDEA_GET), WORKSPACE);

    assertThat(read).isEqualTo(SeedActivities.brightideaPostIdea(WORKSPACE));
  }

  @Test
  @DisplayName("the GET example writes back to the same JSON")
  void getExampleWritesBackToTheSameJson() {
    String fixture = Fixtures.read(Fixtures.BRIGHTIDEA_GET);

    String written = json.writeActivity(stored(1, json.readActivity(fixture, WORKSPACE)));

    Fixtures.assertSameAsSeed(written, fixture);
  }

  @Test
  @DisplayName("the LIST example reads as the seed's two POST_UPDATE activities")
  void listExampleReadsAsTheSeedActivities() {
    List<NewActivity> read = json.readList(Fixtures.read(Fixtures.BRIGHTIDEA_LIST), WORKSPACE);

    assertThat(read)
        .containsExactly(
            SeedActivities.brightideaUpdateWithHifiveAndComment(WORKSPACE),
            SeedActivities.brightideaUpdateWithAttachment(WORKSPACE));
  }

  @Test
  @DisplayName("the LIST example writes back to the same JSON given total 5, page 1, size 2")
  void listExampleWritesBackToTheSameJson() {
    String fixture = Fixtures.read(Fixtures.BRIGHTIDEA_LIST);
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
    String fixture = Fixtures.read(Fixtures.BRIGHTIDEA_GET).toLowerCase(java.util.Locale.ROOT);
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
    String fixture = Fixtures.read(Fixtures.BRIGHTIDEA_GET);

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
        SeedActivities.brightideaPostIdea(WORKSPACE)
            .withCreatedAt(Instant.parse("2024-02-29T23:59:59Z"));

    String written = json.writeActivity(stored(1, draft));

    assertThat(Fixtures.tree(written).at("/activity/date_created").textValue())
        .isEqualTo("2024-02-29 23:59:59.000");
  }

  static Activity stored(long id, NewActivity draft) {
    return Activity.created(id, draft);
  }
}
