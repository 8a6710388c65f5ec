package org.activitylog.http;

import static org.activitylog.http.ApiFixture.ALICE_TOKEN;
import static org.activitylog.http.ApiFixture.JSON;
import static org.activitylog.http.ApiFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.activitylog.api.Activity;
import org.activitylog.api.ActivityType;
import org.activitylog.api.NewActivity;
import org.activitylog.api.UserSimple;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The AISquare endpoints answer with bodies that validate against the seed's {@code UserActivity}
 * schema ({@link ApiFixture} checks every 200 and 201 of every test), serve nothing the schema
 * cannot express, and refuse hostile input with a 400 naming the field.
 */
@DisplayName("AISquare conformance and hostile input")
class AisquareConformanceTest {
  private static final String USER =
      "\"user\":{\"id\":7,\"username\":\"u\",\"email\":\"u@example.org\"}";
  private static final String MISSING = "/api/v1/activity/999999/";

  final ApiFixture site = new ApiFixture();

  static String path(Activity activity) {
    return "/api/v1/activity/" + activity.id() + "/";
  }

  ApiResponse post(String body) {
    return site.send("POST", "/api/v1/activity/", ALICE_TOKEN, JSON, body);
  }

  static String field(ApiResponse response) {
    return json(response).at("/error/field").asText();
  }

  @Nested
  @DisplayName("the schema")
  class Schema {
    @Test
    @DisplayName("the checker refuses what the server answered before: a null profile_picture")
    void checkerCanFail() {
      String old =
          "{\"id\":1,\"activity_type\":\"100\",\"user\":{\"id\":1,\"username\":\"u\","
              + "\"email\":\"u@example.org\",\"full_name\":null,\"first_time_login\":false,"
              + "\"theme\":null,\"is_superuser\":null,\"profile_picture\":null},"
              + "\"workspace_group_id\":1,\"uid\":\"5f0c2a52-8a0e-4c39-9d51-7f0e3c1f2b11\","
              + "\"created_at\":\"2026-01-01T09:30:00Z\",\"updated_at\":\"2026-01-01T09:30:00Z\","
              + "\"text\":\"t\",\"resource\":null}";

      assertThat(UserActivitySchema.errors(old))
          .anyMatch(e -> e.contains("profile_picture"))
          .anyMatch(e -> e.contains("full_name"))
          .anyMatch(e -> e.contains("is_superuser"))
          .anyMatch(e -> e.contains("resource"));
      assertThat(UserActivitySchema.errors("{\"id\":1,\"activity_type\":\"POST_IDEA\"}"))
          .anyMatch(e -> e.contains("activity_type"))
          .anyMatch(e -> e.contains("user"));
    }

    @Test
    @DisplayName("a user with only the required fields and no text or resource validates")
    void minimalUser() {
      Activity stored =
          site.record(
              NewActivity.builder(ActivityType.USER_LOGIN, UserSimple.of(3, "min", "m@example.org"))
                  .workspaceGroupId(ApiFixture.ALICE_GROUP)
                  .build());

      ApiResponse response = site.get(path(stored), ALICE_TOKEN);

      assertThat(response.status()).isEqualTo(200);
      assertThat(json(response).at("/user/profile_picture").asText()).isEqualTo("about:blank");
      assertThat(json(response).at("/text").asText()).isEmpty();
    }

    @Test
    @DisplayName("the GET answer sent back as a PUT body changes nothing")
    void getBodyBack() {
      Activity stored =
          site.record(
              NewActivity.builder(ActivityType.USER_LOGIN, UserSimple.of(3, "min", "m@example.org"))
                  .workspaceGroupId(ApiFixture.ALICE_GROUP)
                  .build());
      String body = site.get(path(stored), ALICE_TOKEN).bodyText();

      ApiResponse put = site.send("PUT", path(stored), ALICE_TOKEN, JSON, body);

      assertThat(put.status()).isEqualTo(200);
      Activity after = site.log.get(ApiFixture.alice(), stored.id());
      assertThat(after.content()).isEqualTo(stored.content());
    }
  }

  @Nested
  @DisplayName("activities the schema cannot express")
  class NotExpressible {
    @Test
    @DisplayName(
        "a Brightidea activity answers GET, PUT and DELETE byte for byte like a missing id")
    void likeMissing() {
      List<Activity> seeds = site.recordSeeds();
      assertThat(site.get(path(seeds.get(0)), ALICE_TOKEN).status()).isEqualTo(200);
      String put = "{\"text\":\"x\"}";
      for (Activity brightidea : seeds.subList(1, seeds.size())) {
        for (String method : new String[] {"GET", "PUT", "DELETE"}) {
          ApiResponse missing =
              site.send(method, MISSING, ALICE_TOKEN, JSON, method.equals("PUT") ? put : null);
          ApiResponse answer =
              site.send(
                  method, path(brightidea), ALICE_TOKEN, JSON, method.equals("PUT") ? put : null);

          assertThat(answer.status()).as(method).isEqualTo(404);
          assertThat(answer.headers()).as(method).isEqualTo(missing.headers());
          assertThat(answer.contentType()).as(method).isEqualTo(missing.contentType());
          assertThat(answer.body()).as(method).isEqualTo(missing.body());
        }
        assertThat(site.log.get(ApiFixture.alice(), brightidea.id()).text())
            .isEqualTo(brightidea.text());
      }
    }

    @Test
    @DisplayName("a PUT or POST with a Brightidea activity_type is a 400 naming activity_type")
    void brightideaType() {
      Activity login = site.recordSeeds().get(0);

      ApiResponse put =
          site.send("PUT", path(login), ALICE_TOKEN, JSON, "{\"activity_type\":\"POST_IDEA\"}");
      ApiResponse posted =
          post("{\"activity_type\":\"POST_IDEA\",\"workspace_group_id\":1," + USER + "}");

      assertThat(put.status()).isEqualTo(400);
      assertThat(field(put)).isEqualTo("activity_type");
      assertThat(posted.status()).isEqualTo(400);
      assertThat(field(posted)).isEqualTo("activity_type");
      assertThat(site.log.get(ApiFixture.alice(), login.id()).type())
          .isEqualTo(ActivityType.USER_LOGIN);
    }

    @Test
    @DisplayName("a POST with a Brightidea member as actor is a 400 naming user")
    void memberActor() {
      ApiResponse posted =
          post(
              "{\"activity_type\":\"100\",\"workspace_group_id\":1,"
                  + "\"member\":{\"id\":\"b471bfed-bcc2-49cc-a917-5f09aa73eeb3\"}}");

      assertThat(posted.status()).isEqualTo(400);
      assertThat(field(posted)).isEqualTo("user");
    }
  }

  @Nested
  @DisplayName("hostile input")
  class Hostile {
    @ParameterizedTest(name = "{0}")
    @CsvSource(
        delimiter = '|',
        value = {
          "{\"unknown\":1e-2147483648}|unknown",
          "{\"user\":{\"id\":1e9223372036854775807}}|user.id",
          "{\"resource\":{\"a\":{\"b\":1e2147483647}}}|resource.a.b",
          "{\"text\":\"a\\ud800b\"}|text",
          "{\"user\":{\"profile_picture\":\"javascript:alert(1)\"}}|user.profile_picture"
        })
    @DisplayName("a PUT body with a hostile value is a 400 naming the field, nothing changed")
    void put(String body, String field) {
      Activity login = site.recordSeeds().get(0);

      ApiResponse response = site.send("PUT", path(login), ALICE_TOKEN, JSON, body);

      assertThat(response.status()).isEqualTo(400);
      assertThat(field(response)).isEqualTo(field);
      assertThat(site.log.get(ApiFixture.alice(), login.id()).version()).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
        delimiter = '|',
        value = {
          "\"unknown\":1e-2147483648|unknown",
          "\"resource\":[1e2147483647]|resource[0]",
          "\"text\":\"a\\udc00\"|text",
          "\"created_at\":\"+10000-01-01T00:00:00Z\"|created_at",
          "\"created_at\":\"-0001-01-01T00:00:00Z\"|created_at",
          "\"created_at\":\"+999999999-12-31T23:59:59Z\"|created_at",
          "\"created_at\":\"9999-12-31T20:00:00Z\"|created_at"
        })
    @DisplayName("a POST body with a hostile value is a 400 naming the field")
    void postBody(String member, String field) {
      ApiResponse response =
          AisquareConformanceTest.this.post(
              "{\"activity_type\":\"100\",\"workspace_group_id\":1," + USER + "," + member + "}");

      assertThat(response.status()).isEqualTo(400);
      assertThat(field(response)).isEqualTo(field);
    }

    @Test
    @DisplayName("a POST whose user id is 1e9223372036854775807 is a 400 naming user.id")
    void hugeUserId() {
      ApiResponse response =
          AisquareConformanceTest.this.post(
              "{\"activity_type\":\"100\",\"workspace_group_id\":1,"
                  + "\"user\":{\"id\":1e9223372036854775807,\"username\":\"u\","
                  + "\"email\":\"u@example.org\"}}");

      assertThat(response.status()).isEqualTo(400);
      assertThat(field(response)).isEqualTo("user.id");
    }
  }
}
