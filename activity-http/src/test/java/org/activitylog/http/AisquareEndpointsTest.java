package org.activitylog.http;

import static org.activitylog.http.ApiFixture.ALICE_GROUP;
import static org.activitylog.http.ApiFixture.ALICE_TOKEN;
import static org.activitylog.http.ApiFixture.JSON;
import static org.activitylog.http.ApiFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.activitylog.api.Activity;
import org.activitylog.formats.SeedExamples;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("/api/v1/activity retrieves, updates, records and soft-deletes AISquare activities")
class AisquareEndpointsTest {
  /** The seed's own example PUT body, byte for byte. */
  static final String SEED_PUT = SeedExamples.aisquarePutRequest();

  ApiFixture site = new ApiFixture();
  Activity login;
  String path;

  @BeforeEach
  void recordSeeds() {
    login = site.recordSeeds().get(0);
    path = "/api/v1/activity/" + login.id() + "/";
  }

  ApiResponse put(String body, Map<String, List<String>> extra) {
    Map<String, List<String>> headers = new java.util.HashMap<>(extra);
    headers.put("Authorization", List.of("Bearer " + ALICE_TOKEN));
    headers.put("Content-Type", List.of(JSON));
    return site.send("PUT", path, headers, body);
  }

  @Test
  @DisplayName("GET answers the UserActivity with its version as ETag")
  void get() {
    ApiResponse response = site.get(path, ALICE_TOKEN);
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.contentType()).isEqualTo("application/json; charset=UTF-8");
    assertThat(response.header("ETag")).contains("\"1\"");
    JsonNode body = json(response);
    assertThat(body.path("id").asLong()).isEqualTo(login.id());
    assertThat(body.path("activity_type").asText()).isEqualTo("100");
    assertThat(body.path("uid").asText()).isEqualTo(login.uid().toString());
    assertThat(body.path("user").path("username").asText()).isEqualTo("johndoe");
    assertThat(body.path("workspace_group_id").asLong()).isEqualTo(ALICE_GROUP);
    assertThat(body.path("resource").path("client").path("score").decimalValue())
        .isEqualByComparingTo("0.97");
    assertThat(body.path("is_active").asBoolean()).isTrue();
  }

  @Nested
  @DisplayName("PUT")
  class Put {
    @Test
    @DisplayName(
        "the seed's example body replaces the user's name and e-mail and the text, and keeps the rest")
    void seedExample() {
      // The seed's body repeats the seed activity's own values; edited first, the PUT changes it.
      site.log.update(
          ApiFixture.alice(), login.id(), org.activitylog.api.ActivityUpdate.text("before"), null);
      site.clock.advance(Duration.ofMinutes(5));
      ApiResponse response = put(SEED_PUT, Map.of());
      assertThat(response.status()).as(response.bodyText()).isEqualTo(200);
      assertThat(response.header("ETag")).contains("\"3\"");
      JsonNode body = json(response);
      assertThat(body.path("text").asText())
          .isEqualTo("User logged in successfully from IP 192.168.1.10");
      assertThat(body.path("user").path("username").asText()).isEqualTo("johndoe");
      assertThat(body.path("user").path("email").asText()).isEqualTo("johndoe@example.com");
      assertThat(body.path("user").path("id").asLong()).isEqualTo(1);
      assertThat(body.path("user").path("full_name").asText()).isEqualTo("John Doe");
      assertThat(body.path("id").asLong()).isEqualTo(login.id());
      assertThat(body.path("uid").asText()).isEqualTo(login.uid().toString());
      assertThat(body.path("created_at").asText()).startsWith("2026-01-01T09:30:00.123456");
      assertThat(body.path("updated_at").asText()).startsWith("2026-01-01T00:05");
      assertThat(body.path("updated_by").asText()).isEqualTo("alice");
      assertThat(body.path("resource"))
          .isEqualTo(json(site.get(path, ALICE_TOKEN)).path("resource"));
      assertThat(site.log.get(ApiFixture.alice(), login.id()).text())
          .isEqualTo("User logged in successfully from IP 192.168.1.10");
    }

    @Test
    @DisplayName(
        "a body copied from a GET answer changes nothing: same body, ETag, version and updated_at")
    void roundTrip() {
      ApiResponse got = site.get(path, ALICE_TOKEN);
      site.clock.advance(Duration.ofMinutes(5));
      ApiResponse response = put(got.bodyText(), Map.of());
      assertThat(response.status()).as(response.bodyText()).isEqualTo(200);
      assertThat(response.header("ETag")).isEqualTo(got.header("ETag"));
      assertThat(json(response)).isEqualTo(json(got));
      assertThat(site.log.get(ApiFixture.alice(), login.id())).isEqualTo(login);
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "{\"workspace_group_id\":" + ApiFixture.BOB_GROUP + "}",
          "{\"workspace_group\":" + ApiFixture.BOB_GROUP + "}",
          "{\"workspace_group_id\":999,\"workspace_group\":-1}",
        })
    @DisplayName(
        "workspace_group_id and workspace_group are read-only: ignored, the activity stays put")
    void workspaceGroupsAreReadOnly(String body) {
      ApiResponse response = put(body, Map.of());
      assertThat(response.status()).as(response.bodyText()).isEqualTo(200);
      assertThat(response.header("ETag")).contains("\"1\"");
      assertThat(json(response).path("workspace_group_id").asLong()).isEqualTo(ALICE_GROUP);
      assertThat(site.log.get(ApiFixture.alice(), login.id())).isEqualTo(login);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"1\"", "*", "\"7\", \"1\"", "\"a,b\" , \"1\""})
    @DisplayName("If-Match naming the current version (alone, in a list, or *) applies the update")
    void ifMatchCurrent(String ifMatch) {
      ApiResponse response = put(SEED_PUT, Map.of("If-Match", List.of(ifMatch)));
      assertThat(response.status()).as(response.bodyText()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"7\"", "\"0\"", "W/\"1\"", "\"abc\"", ""})
    @DisplayName("If-Match with another version is a 412 and changes nothing")
    void ifMatchStale(String ifMatch) {
      ApiResponse response = put(SEED_PUT, Map.of("If-Match", List.of(ifMatch)));
      assertThat(response.status()).isEqualTo(412);
      assertThat(json(response).path("error").path("field").asText()).isEqualTo("If-Match");
      assertThat(site.log.get(ApiFixture.alice(), login.id()).version()).isEqualTo(1);
    }

    @Test
    @DisplayName("a second PUT with the first answer's ETag succeeds; reusing the old one is a 412")
    void etagChain() {
      String first =
          put(SEED_PUT, Map.of("If-Match", List.of("\"1\""))).header("ETag").orElseThrow();
      assertThat(put("{\"text\":\"second\"}", Map.of("If-Match", List.of(first))).status())
          .isEqualTo(200);
      assertThat(put("{\"text\":\"third\"}", Map.of("If-Match", List.of(first))).status())
          .isEqualTo(412);
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "{\"user\":{\"email\":\"not-an-email\"}}|user.email",
          "{\"user\":{\"username\":\"bad name!\"}}|user.username",
          "{\"activity_type\":\"42\"}|activity_type",
          "{\"text\":7}|text"
        })
    @DisplayName("a bad value is a 400 naming the member")
    void badValue(String caseText) {
      String[] parts = caseText.split("\\|");
      ApiResponse response = put(parts[0], Map.of());
      assertThat(response.status()).isEqualTo(400);
      assertThat(json(response).path("error").path("field").asText()).isEqualTo(parts[1]);
    }

    @Test
    @DisplayName("an anonymous PUT on a public site is a 401")
    void anonymousOnPublicSite() {
      ApiFixture open = new ApiFixture(true, java.time.ZoneOffset.UTC, b -> b);
      Activity seeded = open.recordSeeds().get(0);
      String target = "/api/v1/activity/" + seeded.id() + "/";
      assertThat(open.get(target, null).status()).isEqualTo(200);
      assertThat(open.send("PUT", target, null, JSON, SEED_PUT).status()).isEqualTo(401);
      assertThat(open.send("DELETE", target, null, null, null).status()).isEqualTo(401);
    }
  }

  @Nested
  @DisplayName("POST")
  class Post {
    static final String NEW =
        "{\"activity_type\":\"500\",\"user\":{\"id\":7,\"username\":\"alice\","
            + "\"email\":\"alice@example.com\"},\"text\":\"Viewed a resource\","
            + "\"resource\":{\"kind\":\"doc\",\"id\":3}}";

    @Test
    @DisplayName(
        "records the activity: 201 with Location and ETag, into the default workspace group")
    void records() {
      ApiResponse response = site.send("POST", "/api/v1/activity/", ALICE_TOKEN, JSON, NEW);
      assertThat(response.status()).as(response.bodyText()).isEqualTo(201);
      JsonNode body = json(response);
      long id = body.path("id").asLong();
      assertThat(response.header("Location")).contains("/api/v1/activity/" + id + "/");
      assertThat(response.header("ETag")).contains("\"1\"");
      assertThat(body.path("workspace_group_id").asLong()).isEqualTo(ALICE_GROUP);
      assertThat(body.path("created_by").asText()).isEqualTo("alice");
      assertThat(body.path("created_at").asText()).startsWith("2026-01-01T00:00");
      ApiResponse again = site.get(response.header("Location").orElseThrow(), ALICE_TOKEN);
      assertThat(again.bodyText()).isEqualTo(response.bodyText());
    }

    @Test
    @DisplayName("recording the same uid twice stores one activity")
    void idempotent() {
      String withUid =
          NEW.replace(
              "{\"activity_type\"",
              "{\"uid\":\"5b7c3a1e-0000-4000-8000-000000000001\",\"activity_type\"");
      long first =
          json(site.send("POST", "/api/v1/activity", ALICE_TOKEN, JSON, withUid))
              .path("id")
              .asLong();
      long second =
          json(site.send("POST", "/api/v1/activity", ALICE_TOKEN, JSON, withUid))
              .path("id")
              .asLong();
      assertThat(second).isEqualTo(first);
      assertThat(site.log.count(ApiFixture.alice(), org.activitylog.api.ActivityQuery.ALL))
          .isEqualTo(5);
    }

    @Test
    @DisplayName("a body without the actor is a 400 naming it")
    void missingActor() {
      ApiResponse response =
          site.send("POST", "/api/v1/activity/", ALICE_TOKEN, JSON, "{\"activity_type\":\"500\"}");
      assertThat(response.status()).isEqualTo(400);
      assertThat(json(response).path("error").path("field").asText()).isNotBlank();
    }
  }

  @Nested
  @DisplayName("DELETE")
  class Delete {
    @Test
    @DisplayName("soft-deletes: 204 without a body, then the activity is a 404 everywhere")
    void softDeletes() {
      ApiResponse response = site.send("DELETE", path, ALICE_TOKEN, null, null);
      assertThat(response.status()).isEqualTo(204);
      assertThat(response.body()).isEmpty();
      assertThat(response.contentType()).isEmpty();
      assertThat(site.get(path, ALICE_TOKEN).status()).isEqualTo(404);
      assertThat(site.get("/api3/activity/" + login.uid(), ALICE_TOKEN).status()).isEqualTo(404);
      assertThat(site.send("DELETE", path, ALICE_TOKEN, null, null).status()).isEqualTo(404);
      assertThat(site.send("PUT", path, ALICE_TOKEN, JSON, SEED_PUT).status()).isEqualTo(404);
    }

    @Test
    @DisplayName("a soft-deleted activity can be restored by the host and is served again")
    void restorable() {
      site.send("DELETE", path, ALICE_TOKEN, null, null);
      site.log.restore(ApiFixture.alice(), login.id());
      assertThat(site.get(path, ALICE_TOKEN).status()).isEqualTo(200);
    }
  }
}
