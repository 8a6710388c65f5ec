package org.activitylog.testkit;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.activitylog.api.ActivityType;
import org.activitylog.api.Attachment;
import org.activitylog.api.BrightideaDetails;
import org.activitylog.api.Campaign;
import org.activitylog.api.Comment;
import org.activitylog.api.HiFive;
import org.activitylog.api.Member;
import org.activitylog.api.NewActivity;
import org.activitylog.api.UserSimple;

/**
 * The example activities of both seed API documents, every field filled as the examples show them.
 * Brightidea's times carry no zone; they are read as UTC here.
 */
public final class SeedActivities {
  private SeedActivities() {}

  /** {@return Max Power, as the GET example embeds him} */
  public static Member maxPower() {
    return new Member(
        UUID.fromString("B471BFED-BCC2-49CC-A917-5F09AA73EEB3"),
        "mpower@example.com",
        "Max Power",
        "Max",
        "Power",
        "Safety Inspector",
        "742 Evergreen Terrace Springfield IL",
        "123456-7890",
        "987654-3210",
        "0072",
        "Boxer, Mascot, Astronaut, Baby proofer, Truck driver, Hippie, Plow Driver, Food Critic",
        "Conceptual Artist, Mayor, Country Western Manager, Garbage Commissioner, Mountain Climber",
        null,
        at("2013-04-18T11:27:48.537"),
        null,
        true,
        null);
  }

  /** {@return John Doe, who comments in the LIST example} */
  public static Member johnDoe() {
    return new Member(
        UUID.fromString("866144B1-E302-42EF-AF80-75DE988885AE"),
        "jdoe@example.com",
        "John Doe",
        "John",
        "Doe",
        "Sales",
        "123 fake street",
        "123 456-789",
        "987 654-3210",
        null,
        "Selling Software",
        "Worked at sales.com",
        "",
        at("2013-03-07T19:09:54.563"),
        at("2013-04-18T13:14:21.067"),
        true,
        "02F11D0E-BA74-4A7D-B1BE-4F7F651B2507");
  }

  /** {@return Lillian Smith, who posts both updates of the LIST example} */
  public static Member lillianSmith() {
    return new Member(
        UUID.fromString("8FA49B96-3693-4282-8919-014618D7B3B8"),
        null,
        "Lillian Smith",
        "Lillian",
        "Smith",
        "",
        "",
        "",
        "",
        null,
        "",
        "",
        "",
        at("2013-03-07T17:10:13.627"),
        at("2013-04-16T15:42:16.430"),
        null,
        null);
  }

  /**
   * {@return the GET example: a {@code POST_IDEA} with its campaign and idea fields}
   *
   * @param workspace the workspace group to record it in
   */
  public static NewActivity brightideaPostIdea(long workspace) {
    return NewActivity.builder(ActivityType.POST_IDEA, maxPower())
        .uid(UUID.fromString("D2136C62-B65E-40D2-ABD2-873AEF120514"))
        .createdAt(at("2013-04-18T12:16:41.720"))
        .workspaceGroupId(workspace)
        .campaign(
            new Campaign(
                UUID.fromString("0A140858-AD8A-4F97-9926-D80AD156A130"), "Sample Campaign"))
        .details(
            new BrightideaDetails(
                "0D7C82A2-4B20-42C1-A54C-9608FFF55CDA",
                "Here is a great Idea Title",
                "Category 4",
                false,
                true,
                null,
                List.of(),
                List.of(),
                null))
        .build();
  }

  /**
   * {@return the LIST example's first item: a {@code POST_UPDATE} with a hi-five and a comment}
   *
   * @param workspace the workspace group to record it in
   */
  public static NewActivity brightideaUpdateWithHifiveAndComment(long workspace) {
    String updateId = "9B061C43-4E80-498C-B41E-4482C21632F7";
    Member maxInHifive =
        new Member(
            maxPower().id(),
            maxPower().email(),
            maxPower().screenName(),
            maxPower().firstName(),
            maxPower().lastName(),
            maxPower().jobTitle(),
            maxPower().address(),
            maxPower().phone(),
            maxPower().mobilePhone(),
            null,
            maxPower().skills(),
            maxPower().workHistory(),
            null,
            maxPower().dateCreated(),
            null,
            null,
            null);
    return NewActivity.builder(ActivityType.POST_UPDATE, lillianSmith())
        .uid(UUID.fromString("FB4CAD9D-0169-48C8-9553-CD3D30D1B052"))
        .createdAt(at("2013-04-18T14:51:41.287"))
        .workspaceGroupId(workspace)
        .text("Test Update to be commented and hifive on")
        .details(
            new BrightideaDetails(
                null,
                null,
                null,
                null,
                null,
                updateId,
                List.of(
                    new HiFive(
                        "67712BA4-D8FF-48FE-902D-60C734075BE9",
                        at("2013-04-18T14:53:06.967"),
                        updateId,
                        maxInHifive)),
                List.of(
                    new Comment(
                        "9D4C13A3-BBA7-43D9-A450-24C66816511B",
                        "Here is my comment",
                        at("2013-04-18T14:51:53.783"),
                        updateId,
                        johnDoe())),
                null))
        .build();
  }

  /**
   * {@return the LIST example's second item: a {@code POST_UPDATE} with an image attachment}
   *
   * @param workspace the workspace group to record it in
   */
  public static NewActivity brightideaUpdateWithAttachment(long workspace) {
    String updateId = "4317828E-6D09-4234-AA62-50322BBB2EEA";
    return NewActivity.builder(ActivityType.POST_UPDATE, lillianSmith())
        .uid(UUID.fromString("3326811E-5E09-4196-B8AF-FCADE3798173"))
        .createdAt(at("2013-04-18T11:30:52.930"))
        .workspaceGroupId(workspace)
        .text("Test update post 2 - with image")
        .details(
            new BrightideaDetails(
                null,
                null,
                null,
                null,
                null,
                updateId,
                List.of(),
                List.of(),
                new Attachment(
                    "0BB62224-E6C8-4ED7-8F02-EE1371CCD883",
                    updateId,
                    "jpg",
                    "apple.jpg",
                    "Update Photo",
                    "https://example.brightideatest.com/api3/file/"
                        + "0BB62224-E6C8-4ED7-8F02-EE1371CCD883?format=binary",
                    "image/jpeg")))
        .build();
  }

  /** {@return John Doe of the AISquare PUT example, with every {@code UserSimple} field set} */
  public static UserSimple johndoe() {
    return new UserSimple(
        1,
        "johndoe",
        "johndoe@example.com",
        "John Doe",
        false,
        null,
        false,
        false,
        true,
        true,
        "https://example.com/media/profile/johndoe.png");
  }

  /**
   * {@return an AISquare login as the PUT example describes it, with a JSON resource and a derived
   * workspace group}
   *
   * @param workspace the workspace group to record it in
   */
  public static NewActivity aisquareLogin(long workspace) {
    return NewActivity.builder(ActivityType.USER_LOGIN, johndoe())
        .uid(UUID.fromString("5f0c2a52-8a0e-4c39-9d51-7f0e3c1f2b11"))
        .createdAt(Instant.parse("2026-01-01T09:30:00.123456Z"))
        .createdBy("johndoe")
        .workspaceGroupId(workspace)
        .workspaceGroup(workspace)
        .text("User logged in successfully from IP 192.168.1.10")
        .resource(
            Map.of(
                "ip",
                "192.168.1.10",
                "client",
                Map.of("agent", "Mozilla/5.0", "mfa", true, "score", 0.97),
                "tags",
                List.of("web", "eu-west"),
                "previous",
                Map.of()))
        .build();
  }

  /**
   * {@return every seed activity, each with a uid of its own so that tests sharing a database do
   * not collide on the seeds' fixed ids}
   *
   * @param workspace the workspace group to record them in
   */
  public static List<NewActivity> all(long workspace) {
    return List.of(
            brightideaPostIdea(workspace),
            brightideaUpdateWithHifiveAndComment(workspace),
            brightideaUpdateWithAttachment(workspace),
            aisquareLogin(workspace))
        .stream()
        .map(a -> a.withUid(UUID.randomUUID()))
        .toList();
  }

  private static Instant at(String localUtc) {
    return LocalDateTime.parse(localUtc).toInstant(ZoneOffset.UTC);
  }
}
