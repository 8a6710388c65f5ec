package org.activitylog.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.activitylog.api.Activity;
import org.activitylog.api.ActivityContent;
import org.activitylog.api.ActivityType;
import org.activitylog.api.ActivityUpdate;
import org.activitylog.api.JsonValue;
import org.activitylog.api.Member;
import org.activitylog.api.NewActivity;
import org.activitylog.api.UnknownActivityType;
import org.activitylog.api.UserSimple;
import org.activitylog.api.ValidationException;
import org.activitylog.spi.StoredActivities;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** AISquare's {@code UserActivity} JSON, built from the OpenAPI schema's fields. */
@DisplayName("AISquare UserActivity JSON")
class AisquareJsonTest {
  private static final Instant CREATED = Instant.parse("2026-01-01T09:30:00.123456Z");
  private static final Instant UPDATED = Instant.parse("2026-01-02T10:00:00Z");
  private static final Instant DELETED = Instant.parse("2026-01-03T11:15:30.5Z");

  private final AisquareJson json = AisquareJson.create();

  /** An activity with every schema field set to a non-default value. */
  static Activity everyField() {
    UserSimple user =
        UserSimple.builder(42, "max.power+test@x_y-z", "max@example.com")
            .fullName("Max Power")
            .firstTimeLogin(true)
            .theme("dark")
            .isSuperuser(true)
            .isStaff(true)
            .isActive(false)
            .isVerified(true)
            .profilePicture("https://example.com/p.png")
            .build();
    ActivityContent content =
        ActivityContent.builder(ActivityType.QUEST_COMPLETED, user, 9)
            .text("Completed \"Quest\" <1> & more")
            .resource(JsonValue.of(java.util.Map.of("quest", 17)))
            .derivedWorkspaceGroupId(11L)
            .build();
    return new Activity(
        123_456_789_012L,
        UUID.fromString("5f0c2a52-8a0e-4c39-9d51-7f0e3c1f2b11"),
        content,
        CREATED,
        "creator",
        UPDATED,
        "updater",
        DELETED,
        "deleter",
        false,
        1);
  }

  @Nested
  @DisplayName("writing")
  class Writing {
    @Test
    @DisplayName("writes every schema field in the schema's order")
    void writesEveryFieldInOrder() {
      JsonNode tree = Fixtures.tree(json.write(everyField()));

      List<String> names = new ArrayList<>();
      tree.fieldNames().forEachRemaining(names::add);
      assertThat(names)
          .containsExactly(
              "id",
              "activity_type",
              "user",
              "workspace_group_id",
              "uid",
              "created_at",
              "updated_at",
              "deleted_at",
              "is_active",
              "created_by",
              "updated_by",
              "deleted_by",
              "text",
              "resource",
              "workspace_group");
      List<String> userNames = new ArrayList<>();
      tree.get("user").fieldNames().forEachRemaining(userNames::add);
      assertThat(userNames)
          .containsExactly(
              "id",
              "username",
              "email",
              "full_name",
              "first_time_login",
              "theme",
              "is_superuser",
              "is_staff",
              "is_active",
              "is_verified",
              "profile_picture");
    }

    @Test
    @DisplayName(
        "writes the type as its code string, the uid in lower case and times as ISO-8601 UTC")
    void writesCodesUidsAndTimes() {
      JsonNode tree = Fixtures.tree(json.write(everyField()));

      assertThat(tree.get("id").isIntegralNumber()).isTrue();
      assertThat(tree.get("id").longValue()).isEqualTo(123_456_789_012L);
      assertThat(tree.get("activity_type").textValue()).isEqualTo("605");
      assertThat(tree.get("uid").textValue()).isEqualTo("5f0c2a52-8a0e-4c39-9d51-7f0e3c1f2b11");
      assertThat(tree.get("created_at").textValue()).isEqualTo("2026-01-01T09:30:00.123456Z");
      assertThat(tree.get("updated_at").textValue()).isEqualTo("2026-01-02T10:00:00Z");
      assertThat(tree.get("deleted_at").textValue()).isEqualTo("2026-01-03T11:15:30.500Z");
      assertThat(tree.get("is_active").booleanValue()).isFalse();
      assertThat(tree.get("workspace_group_id").longValue()).isEqualTo(9);
      assertThat(tree.get("workspace_group").longValue()).isEqualTo(11);
    }

    @Test
    @DisplayName(
        "writes absent values as the schema allows: null where nullable, left out where optional,"
            + " \"\" for required strings")
    void writesAbsentValuesAsTheSchemaAllows() {
      Activity minimal =
          StoredActivities.created(
              1,
              NewActivity.builder(ActivityType.USER_LOGIN, UserSimple.of(1, "a", "a@b.co"))
                  .uid(UUID.randomUUID())
                  .createdAt(CREATED)
                  .build());

      JsonNode tree = Fixtures.tree(json.write(minimal));

      for (String name : List.of("deleted_at", "created_by", "deleted_by", "workspace_group")) {
        assertThat(tree.get(name)).as(name).isNotNull();
        assertThat(tree.get(name).isNull()).as(name).isTrue();
      }
      assertThat(tree.get("text").textValue()).isEmpty();
      assertThat(tree.has("resource")).isFalse();
      assertThat(tree.at("/user/theme").isNull()).isTrue();
      assertThat(tree.at("/user/profile_picture").textValue()).isEqualTo("about:blank");
      for (String name :
          List.of("full_name", "is_superuser", "is_staff", "is_active", "is_verified")) {
        assertThat(tree.get("user").has(name)).as(name).isFalse();
      }
      assertThat(tree.get("is_active").booleanValue()).isTrue();
    }

    @Test
    @DisplayName("writes a Brightidea member as member, with its times in ISO-8601")
    void writesAMemberAsMember() {
      Activity activity = StoredActivities.created(5, SeedExamples.brightideaPostIdea(2));

      JsonNode tree = Fixtures.tree(json.write(activity));

      assertThat(tree.has("user")).isFalse();
      assertThat(tree.at("/member/id").textValue())
          .isEqualTo("B471BFED-BCC2-49CC-A917-5F09AA73EEB3");
      assertThat(tree.at("/member/date_created").textValue()).isEqualTo("2013-04-18T11:27:48.537Z");
      assertThat(tree.get("activity_type").textValue()).isEqualTo("POST_IDEA");
      assertThat(tree.has("campaign_id")).isFalse();
    }

    @Test
    @DisplayName(
        "a host-defined type is outside the schema's activity_type enum, as Brightidea's types are,"
            + " and reading its code is refused")
    void hostTypeIsInexpressible() {
      UserSimple user = UserSimple.of(3, "ann", "ann@example.com");
      ActivityContent order =
          ActivityContent.of(new UnknownActivityType("shop.order_placed"), user, 2);

      assertThat(json.expresses(order)).isFalse();
      assertThat(json.expresses(ActivityContent.of(ActivityType.USER_LOGIN, user, 2))).isTrue();
      Activity stored =
          StoredActivities.created(
              5,
              NewActivity.builder(order.type(), user)
                  .workspaceGroupId(2)
                  .uid(UUID.randomUUID())
                  .createdAt(Instant.parse("2026-01-01T00:00:00Z"))
                  .build());
      assertThatThrownBy(() -> json.readActivity(json.write(stored)))
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining("activity_type");
    }
  }

  @Nested
  @DisplayName("round trip")
  class RoundTrip {
    @Test
    @DisplayName("an activity with every field set reads back equal")
    void everyFieldSet() {
      Activity activity = everyField();

      assertThat(json.readActivity(json.write(activity))).isEqualTo(activity);
    }

    @Test
    @DisplayName("an activity with every nullable field absent reads back equal")
    void everyNullableFieldAbsent() {
      Activity activity =
          StoredActivities.created(
              7,
              NewActivity.builder(ActivityType.USER_LOGOUT, UserSimple.of(0, "u", "u@example.org"))
                  .uid(UUID.randomUUID())
                  .createdAt(CREATED)
                  .build());

      assertThat(json.readActivity(json.write(activity))).isEqualTo(activity);
    }

    @Test
    @DisplayName("the seed's AISquare login and a soft-deleted copy read back equal")
    void seedLoginReadsBack() {
      Activity activity = StoredActivities.created(1, SeedExamples.aisquareLogin(4));
      Activity deleted = StoredActivities.deleted(activity, DELETED, "admin");

      assertThat(json.readActivity(json.write(activity))).isEqualTo(activity);
      // The wire carries no version: what is read back is version 1.
      assertThat(json.readActivity(json.write(deleted))).isEqualTo(withVersion1(deleted));
    }

    @Test
    @DisplayName("an activity of a Brightidea member reads back with the same actor")
    void memberActivityReadsBack() {
      Activity activity =
          StoredActivities.created(
              1,
              NewActivity.builder(ActivityType.RESOURCE_VIEWED, Fixtures.lillianSmith())
                  .uid(UUID.randomUUID())
                  .createdAt(CREATED)
                  .workspaceGroupId(4)
                  .text("viewed")
                  .build());

      Activity read = json.readActivity(json.write(activity));

      assertThat(read.actor()).isEqualTo(Fixtures.lillianSmith());
      assertThat(read.text()).isEqualTo(activity.text());
    }

    static Stream<String> resources() {
      return Stream.of(
          "null",
          "true",
          "false",
          "0",
          "-17",
          "1.50",
          "-12.500",
          "0.000",
          "1E+308",
          "123456789012345678901234567890",
          "3.141592653589793238462643383279",
          "\"\"",
          "\"text with \\\"quotes\\\", \\u0001, \\\\ and \u00e9\"",
          "[]",
          "{}",
          "[1,\"two\",null,true,[],{}]",
          "{\"z\":1,\"a\":{\"y\":[1.10,2],\"b\":null},\"m\":\"x\"}");
    }

    @ParameterizedTest(name = "resource {0}")
    @MethodSource("resources")
    @DisplayName(
        "a resource of every JSON kind reads back exactly, number scale and key order kept")
    void resourceOfEveryKind(String resource) {
      String body =
          "{\"activity_type\":\"500\",\"workspace_group_id\":1,"
              + "\"user\":{\"id\":1,\"username\":\"u\",\"email\":\"u@example.org\"},"
              + "\"resource\":"
              + resource
              + "}";

      NewActivity read = json.readNew(body);
      String written =
          json.write(
              StoredActivities.created(1, read.withUid(UUID.randomUUID()).withCreatedAt(CREATED)));

      assertThat(read.content().resource().toJson()).isEqualTo(resource);
      if (resource.equals("null")) {
        // The schema's oneOf of "any" and null matches null twice: an absent resource is left out.
        assertThat(Fixtures.tree(written).has("resource")).isFalse();
        return;
      }
      assertThat(Fixtures.tree(written).get("resource").toString())
          .isEqualTo(Fixtures.tree(resource).toString());
      assertThat(written).contains("\"resource\":" + resource);
    }

    @Test
    @DisplayName("resource numbers are exact BigDecimals")
    void resourceNumbersAreBigDecimals() {
      NewActivity read =
          json.readNew(
              "{\"activity_type\":\"500\",\"workspace_group_id\":1,"
                  + "\"user\":{\"id\":1,\"username\":\"u\",\"email\":\"u@example.org\"},"
                  + "\"resource\":{\"n\":0.1}}");

      JsonValue.JsonObject resource = (JsonValue.JsonObject) read.content().resource();
      assertThat(((JsonValue.JsonNumber) resource.members().get("n")).value())
          .isEqualByComparingTo(new BigDecimal("0.1"))
          .hasScaleOf(1);
    }
  }

  static Activity withVersion1(Activity a) {
    return a.toBuilder().version(1).build();
  }

  @Nested
  @DisplayName("reading a body to record")
  class ReadingNew {
    private static final String USER =
        "\"user\":{\"id\":1,\"username\":\"u\",\"email\":\"u@example.org\"}";

    @Test
    @DisplayName("the uid and creation time are optional: the facade fills them")
    void uidAndCreatedAtAreOptional() {
      NewActivity read =
          json.readNew("{\"activity_type\":\"100\",\"workspace_group_id\":3," + USER + "}");

      assertThat(read.uid()).isNull();
      assertThat(read.createdAt()).isNull();
      assertThat(read.content().type()).isEqualTo(ActivityType.USER_LOGIN);
      assertThat(read.content().workspaceGroupId()).isEqualTo(3);
      assertThat(read.content().actor()).isEqualTo(UserSimple.of(1, "u", "u@example.org"));
    }

    @Test
    @DisplayName(
        "uid, created_at and created_by are taken when given; read-only fields are ignored")
    void readOnlyFieldsAreIgnored() {
      NewActivity read =
          json.readNew(
              "{\"id\":99,\"activity_type\":\"100\",\"workspace_group_id\":3,"
                  + USER
                  + ",\"uid\":\"5F0C2A52-8A0E-4C39-9D51-7F0E3C1F2B11\","
                  + "\"created_at\":\"2026-01-01T10:30:00+01:00\",\"created_by\":\"me\","
                  + "\"updated_at\":\"2030-01-01T00:00:00Z\",\"deleted_at\":\"2030-01-01T00:00:00Z\","
                  + "\"is_active\":false,\"surprise\":{\"x\":1}}");

      assertThat(read.uid()).isEqualTo(UUID.fromString("5f0c2a52-8a0e-4c39-9d51-7f0e3c1f2b11"));
      assertThat(read.createdAt()).isEqualTo(Instant.parse("2026-01-01T09:30:00Z"));
      assertThat(read.createdBy()).isEqualTo("me");
    }

    @Test
    @DisplayName("the activity type may also be sent as a number, as AISquare's serializer accepts")
    void typeAsNumber() {
      NewActivity read =
          json.readNew("{\"activity_type\":1302,\"workspace_group_id\":3," + USER + "}");

      assertThat(read.content().type()).isEqualTo(ActivityType.USER_PROFILE_VISITED);
    }

    @Test
    @DisplayName("a missing workspace group is an error unless a default is given")
    void workspaceGroupDefault() {
      String body = "{\"activity_type\":\"100\"," + USER + "}";

      assertThatThrownBy(() -> json.readNew(body))
          .isInstanceOfSatisfying(
              ValidationException.class,
              e -> assertThat(e.field()).isEqualTo("workspace_group_id"));
      assertThat(json.readNew(body, 12).content().workspaceGroupId()).isEqualTo(12);
    }

    @Test
    @DisplayName("a Brightidea member may be the actor")
    void memberAsActor() {
      NewActivity read =
          json.readNew(
              "{\"activity_type\":\"500\",\"workspace_group_id\":3,"
                  + "\"member\":{\"id\":\"b471bfed-bcc2-49cc-a917-5f09aa73eeb3\",\"screen_name\":\"Max\","
                  + "\"date_created\":\"2013-04-18T11:27:48.537Z\"}}");

      Member member = (Member) read.content().actor();
      assertThat(member.id()).isEqualTo(Fixtures.maxPower().id());
      assertThat(member.screenName()).isEqualTo("Max");
      assertThat(member.dateCreated()).isEqualTo(Fixtures.maxPower().dateCreated());
    }
  }

  @Nested
  @DisplayName("reading a PUT body")
  class ReadingUpdates {
    private final Activity current = StoredActivities.created(1, SeedExamples.aisquareLogin(3));

    @Test
    @DisplayName("an empty body changes nothing")
    void emptyBody() {
      assertThat(json.readUpdate("{}", current)).isEqualTo(ActivityUpdate.NONE);
    }

    @Test
    @DisplayName("read-only and unknown fields are ignored")
    void readOnlyFieldsIgnored() {
      String body =
          "{\"id\":5,\"uid\":\"00000000-0000-0000-0000-000000000001\","
              + "\"created_at\":\"2000-01-01T00:00:00Z\",\"updated_at\":\"2000-01-01T00:00:00Z\","
              + "\"deleted_at\":\"2000-01-01T00:00:00Z\",\"is_active\":false,\"created_by\":\"x\","
              + "\"updated_by\":\"x\",\"deleted_by\":\"x\",\"unknown\":[1,2]}";

      assertThat(json.readUpdate(body, current)).isEqualTo(ActivityUpdate.NONE);
    }

    @Test
    @DisplayName("the user's id cannot be changed: an update edits the profile, not who acted")
    void userIdIsKept() {
      ActivityUpdate update =
          json.readUpdate("{\"user\":{\"id\":777,\"theme\":\"light\"}}", current);

      UserSimple user = (UserSimple) update.actor();
      assertThat(user.id()).isEqualTo(1);
      assertThat(user.theme()).isEqualTo("light");
      assertThat(user.username()).isEqualTo("johndoe");
    }

    @Test
    @DisplayName("null clears the user's nullable fields and the resource")
    void nullClears() {
      ActivityUpdate update =
          json.readUpdate(
              "{\"user\":{\"full_name\":null,\"is_staff\":null},\"resource\":null}", current);

      UserSimple user = (UserSimple) update.actor();
      assertThat(user.fullName()).isNull();
      assertThat(user.isStaff()).isNull();
      assertThat(update.resource()).isEqualTo(JsonValue.nullValue());
    }

    @Test
    @DisplayName("type and resource are replaced when sent")
    void otherFieldsReplaced() {
      ActivityUpdate update =
          json.readUpdate("{\"activity_type\":\"101\",\"resource\":[1]}", current);

      assertThat(update)
          .isEqualTo(
              new ActivityUpdate(
                  ActivityType.USER_LOGOUT, null, null, JsonValue.of(List.of(1)), null, null));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
        strings = {
          "{\"workspace_group_id\":8}",
          "{\"workspace_group_id\":null}",
          "{\"workspace_group_id\":\"another tenant\"}",
          "{\"workspace_group\":9}",
          "{\"workspace_group\":null}",
          "{\"workspace_group\":-5}",
          "{\"id\":1,\"uid\":\"00000000-0000-0000-0000-000000000001\","
              + "\"created_at\":\"2020-01-01T00:00:00Z\"}",
        })
    @DisplayName(
        "workspace_group_id and workspace_group are ignored, whatever they hold, as id, uid and"
            + " created_at are")
    void workspaceGroupsAreReadOnly(String body) {
      assertThat(json.readUpdate(body, current)).isEqualTo(ActivityUpdate.NONE);
    }

    @Test
    @DisplayName(
        "null text is refused while the activity has text: send an empty string to blank it")
    void nullText() {
      assertThatThrownBy(() -> json.readUpdate("{\"text\":null}", current))
          .isInstanceOfSatisfying(
              ValidationException.class, e -> assertThat(e.field()).isEqualTo("text"));
      assertThat(json.readUpdate("{\"text\":\"\"}", current).text()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
        strings = {
          "{\"user\":null}|user",
          "{\"activity_type\":null}|activity_type",
          "{\"user\":{\"username\":null}}|user.username",
          "{\"user\":{\"email\":null}}|user.email",
          "{\"user\":{\"first_time_login\":null}}|user.first_time_login",
          "{\"member\":{\"screen_name\":\"x\"}}|member",
        })
    @DisplayName("a field that cannot be cleared or replaced that way is an error naming it")
    void refusedUpdates(String bodyAndField) {
      String[] parts = bodyAndField.split("\\|");

      assertThatThrownBy(() -> json.readUpdate(parts[0], current))
          .isInstanceOfSatisfying(
              ValidationException.class, e -> assertThat(e.field()).isEqualTo(parts[1]));
    }

    @Test
    @DisplayName("a partial member is merged over the current member of a Brightidea activity")
    void memberMerge() {
      Activity brightidea = StoredActivities.created(3, SeedExamples.brightideaPostIdea(3));

      ActivityUpdate update =
          json.readUpdate("{\"member\":{\"job_title\":\"Mayor\",\"photo_url\":null}}", brightidea);

      Member member = (Member) update.actor();
      assertThat(member.id()).isEqualTo(Fixtures.maxPower().id());
      assertThat(member.jobTitle()).isEqualTo("Mayor");
      assertThat(member.email()).isEqualTo("mpower@example.com");
      assertThat(member.dateCreated()).isEqualTo(Fixtures.maxPower().dateCreated());
      assertThatThrownBy(() -> json.readUpdate("{\"user\":{\"theme\":\"x\"}}", brightidea))
          .isInstanceOfSatisfying(
              ValidationException.class, e -> assertThat(e.field()).isEqualTo("user"));
    }
  }
}
