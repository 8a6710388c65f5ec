package org.activitylog.http;

import static org.activitylog.http.ApiFixture.ALICE_GROUP;
import static org.activitylog.http.ApiFixture.ALICE_TOKEN;
import static org.activitylog.http.ApiFixture.BOB_GROUP;
import static org.activitylog.http.ApiFixture.BOB_TOKEN;
import static org.activitylog.http.ApiFixture.JSON;
import static org.activitylog.http.ApiFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.activitylog.api.Activity;
import org.activitylog.api.ActivityType;
import org.activitylog.api.NewActivity;
import org.activitylog.api.NotFoundException;
import org.activitylog.api.StoreUnavailableException;
import org.activitylog.api.UserSimple;
import org.activitylog.testkit.SeedActivities;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("The adapter answers with the statuses the seeds give")
class StatusesTest {
  static final String IDEA = "D2136C62-B65E-40D2-ABD2-873AEF120514";

  ApiFixture site = new ApiFixture();
  Activity login;
  Activity bobs;

  @BeforeEach
  void recordData() {
    login = site.recordSeeds().get(0);
    bobs =
        site.record(
            NewActivity.builder(ActivityType.USER_LOGIN, UserSimple.of(2, "bob", "bob@example.com"))
                .workspaceGroupId(BOB_GROUP)
                .build());
  }

  @Nested
  @DisplayName("Routing")
  class Routing {
    @ParameterizedTest
    @ValueSource(
        strings = {
          "/api3/activity",
          "/api3/activity/",
          "/api3/activity/" + IDEA,
          "/api3/activity/" + IDEA + "/",
          "/api/v1/activity/1/",
          "/api/v1/activity/1"
        })
    @DisplayName("each endpoint answers with and without a trailing slash")
    void trailingSlash(String path) {
      assertThat(site.get(path, ALICE_TOKEN).status()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/api3/activities", "/api3/activity/a/b", "/api/v2/activity/1/"})
    @DisplayName("a path with no endpoint is a 404")
    void unknownPath(String path) {
      ApiResponse response = site.get(path, ALICE_TOKEN);
      assertThat(response.status()).isEqualTo(404);
      assertThat(json(response).path("error").path("message").asText()).startsWith("No endpoint");
    }

    @ParameterizedTest
    @CsvSource({
      "POST, /api3/activity, 'GET, HEAD'",
      "DELETE, /api3/activity/" + IDEA + ", 'GET, HEAD'",
      "GET, /api/v1/activity/, POST",
      "PUT, /api/v1/activity, POST",
      "PATCH, /api/v1/activity/1/, 'GET, HEAD, PUT, DELETE'",
      "POST, /api/v1/activity/1/, 'GET, HEAD, PUT, DELETE'",
    })
    @DisplayName("a method the endpoint does not serve is a 405 with Allow")
    void wrongMethod(String method, String path, String allow) {
      ApiResponse response = site.send(method, path, ALICE_TOKEN, null, null);
      assertThat(response.status()).isEqualTo(405);
      assertThat(response.header("Allow")).contains(allow);
      assertThat(json(response).path("error").path("message").asText()).contains(method);
    }
  }

  @Nested
  @DisplayName("401 Unauthorized")
  class Unauthorized {
    @ParameterizedTest
    @ValueSource(strings = {"/api3/activity", "/api3/activity/" + IDEA, "/api/v1/activity/1/"})
    @DisplayName("an anonymous requester on a private site gets a 401 with a Bearer challenge")
    void anonymousOnPrivateSite(String path) {
      ApiResponse response = site.get(path, null);
      assertThat(response.status()).isEqualTo(401);
      assertThat(response.header("WWW-Authenticate"))
          .hasValueSatisfying(v -> v.startsWith("Bearer"));
    }

    @Test
    @DisplayName("a 401 on a private site comes before any check of the parameters")
    void beforeParameters() {
      assertThat(site.get("/api3/activity?page_size=0", null).status()).isEqualTo(401);
      assertThat(site.get("/api3/activity/not-a-uuid", null).status()).isEqualTo(401);
    }

    @Test
    @DisplayName("a token the host does not know is a 401, even on a public site")
    void unknownToken() {
      assertThat(site.get("/api3/activity", "stolen").status()).isEqualTo(401);
      ApiFixture open = new ApiFixture(true, ZoneOffset.UTC, b -> b);
      ApiResponse response = open.get("/api3/activity", "stolen");
      assertThat(response.status()).isEqualTo(401);
      assertThat(response.header("WWW-Authenticate"))
          .hasValueSatisfying(v -> v.contains("invalid_token"));
    }

    @ParameterizedTest
    @ValueSource(
        strings = {"Basic YWxpY2U6c2VjcmV0", "Bearer", "Bearer ", "alice-token", "Bearer a b"})
    @DisplayName("an Authorization header that is not Bearer <token> is a 401")
    void malformedHeader(String header) {
      ApiResponse response =
          site.send("GET", "/api3/activity", Map.of("Authorization", List.of(header)), null);
      assertThat(response.status()).isEqualTo(401);
    }

    @Test
    @DisplayName("the Bearer scheme is matched in any case")
    void schemeInAnyCase() {
      ApiResponse response =
          site.send(
              "GET",
              "/api3/activity",
              Map.of("authorization", List.of("bearer " + ALICE_TOKEN)),
              null);
      assertThat(response.status()).isEqualTo(200);
    }

    @Test
    @DisplayName("with format=xml the 401 body is XML")
    void xml() {
      ApiResponse response = site.get("/api3/activity?format=xml", null);
      assertThat(response.status()).isEqualTo(401);
      assertThat(response.contentType()).startsWith("application/xml");
      assertThat(response.bodyText()).contains("<error>");
    }
  }

  @Nested
  @DisplayName("404 Not Found")
  class NotFound {
    @Test
    @DisplayName("Brightidea: a missing, a hidden and a malformed id get byte-identical answers")
    void brightideaIdentical() {
      ApiResponse missing =
          site.get("/api3/activity/11111111-1111-1111-1111-111111111111", ALICE_TOKEN);
      ApiResponse hidden = site.get("/api3/activity/" + bobs.uid(), ALICE_TOKEN);
      ApiResponse malformed = site.get("/api3/activity/not-a-uuid", ALICE_TOKEN);
      assertThat(missing.status()).isEqualTo(404);
      assertThat(json(missing).path("error").path("message").asText())
          .isEqualTo("Invalid object ID or you don't have access to this object");
      assertIdentical(missing, hidden);
      assertIdentical(missing, malformed);
      // Bob sees his own.
      assertThat(site.get("/api3/activity/" + bobs.uid(), BOB_TOKEN).status()).isEqualTo(200);
    }

    @Test
    @DisplayName("Brightidea with format=xml: a missing and a hidden id get byte-identical XML")
    void brightideaXmlIdentical() {
      ApiResponse missing =
          site.get("/api3/activity/11111111-1111-1111-1111-111111111111?format=xml", ALICE_TOKEN);
      ApiResponse hidden = site.get("/api3/activity/" + bobs.uid() + "?format=xml", ALICE_TOKEN);
      assertThat(missing.contentType()).startsWith("application/xml");
      assertThat(missing.bodyText())
          .contains(NotFoundException.MESSAGE.replace("'", "&apos;").substring(0, 20));
      assertIdentical(missing, hidden);
    }

    @ParameterizedTest
    @ValueSource(strings = {"999999", "abc", "-1", "1.0", "01x", "99999999999999999999999"})
    @DisplayName("AISquare: a missing, a malformed and a hidden id get byte-identical answers")
    void aisquareIdentical(String id) {
      ApiResponse other = site.get("/api/v1/activity/" + id + "/", ALICE_TOKEN);
      ApiResponse hidden = site.get("/api/v1/activity/" + bobs.id() + "/", ALICE_TOKEN);
      assertThat(hidden.status()).isEqualTo(404);
      assertIdentical(hidden, other);
    }

    @Test
    @DisplayName(
        "AISquare: updating or deleting a hidden activity is the same 404, and changes nothing")
    void aisquareWritesIdentical() {
      String path = "/api/v1/activity/" + bobs.id() + "/";
      ApiResponse missing = site.get("/api/v1/activity/999999/", ALICE_TOKEN);
      assertIdentical(missing, site.send("PUT", path, ALICE_TOKEN, JSON, "{\"text\":\"mine\"}"));
      assertIdentical(missing, site.send("DELETE", path, ALICE_TOKEN, null, null));
      assertThat(site.log.get(ApiFixture.bob(), bobs.id())).isEqualTo(bobs);
    }

    static void assertIdentical(ApiResponse expected, ApiResponse actual) {
      assertThat(actual.status()).isEqualTo(expected.status());
      assertThat(actual.contentType()).isEqualTo(expected.contentType());
      assertThat(actual.headers()).isEqualTo(expected.headers());
      assertThat(actual.body()).isEqualTo(expected.body());
    }
  }

  @Nested
  @DisplayName("Bodies")
  class Bodies {
    @Test
    @DisplayName("a body larger than the limit is a 413")
    void tooLarge() {
      ApiFixture small = new ApiFixture(false, ZoneOffset.UTC, b -> b.maxBodyBytes(64));
      small.recordSeeds();
      String body = "{\"text\":\"" + "x".repeat(100) + "\"}";
      ApiResponse response = small.send("PUT", "/api/v1/activity/1/", ALICE_TOKEN, JSON, body);
      assertThat(response.status()).isEqualTo(413);
      assertThat(json(response).path("error").path("field").asText()).isEqualTo("body");
      assertThat(small.send("POST", "/api/v1/activity/", ALICE_TOKEN, JSON, body).status())
          .isEqualTo(413);
    }

    @Test
    @DisplayName("a Content-Length over the limit is a 413 without looking at the body")
    void declaredTooLarge() {
      ApiResponse response =
          site.send(
              "PUT",
              "/api/v1/activity/1/",
              Map.of(
                  "Authorization", List.of("Bearer " + ALICE_TOKEN),
                  "Content-Type", List.of(JSON),
                  "Content-Length", List.of("99999999999")),
              "{}");
      assertThat(response.status()).isEqualTo(413);
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "text/plain",
          "application/x-www-form-urlencoded",
          "application/xml",
          "application/json; charset=ISO-8859-1",
          ";"
        })
    @DisplayName("a PUT or POST body that is not JSON in UTF-8 is a 415")
    void notJson(String contentType) {
      assertThat(site.send("PUT", "/api/v1/activity/1/", ALICE_TOKEN, contentType, "{}").status())
          .isEqualTo(415);
      assertThat(site.send("POST", "/api/v1/activity/", ALICE_TOKEN, contentType, "{}").status())
          .isEqualTo(415);
    }

    @Test
    @DisplayName("a PUT without a Content-Type is a 415")
    void noContentType() {
      ApiResponse response = site.send("PUT", "/api/v1/activity/1/", ALICE_TOKEN, null, "{}");
      assertThat(response.status()).isEqualTo(415);
      assertThat(json(response).path("error").path("field").asText()).isEqualTo("Content-Type");
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "application/json; charset=utf-8",
          "application/JSON;charset=\"UTF-8\"",
          "application/merge-patch+json"
        })
    @DisplayName("JSON content types are accepted with or without a UTF-8 charset")
    void jsonVariants(String contentType) {
      assertThat(site.send("PUT", "/api/v1/activity/1/", ALICE_TOKEN, contentType, "{}").status())
          .isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "[]", "{\"text\":", "{\"text\":\"a\"} trailing", "\"text\""})
    @DisplayName("a body that is not one JSON object is a 400 naming body")
    void malformedJson(String body) {
      ApiResponse response = site.send("PUT", "/api/v1/activity/1/", ALICE_TOKEN, JSON, body);
      assertThat(response.status()).isEqualTo(400);
      assertThat(json(response).path("error").path("field").asText()).isEqualTo("body");
    }

    @Test
    @DisplayName("a body that is not UTF-8 is a 400 naming body")
    void notUtf8() {
      ApiResponse response =
          site.api.handle(
              new ApiRequest(
                  "PUT",
                  "/api/v1/activity/1/",
                  Map.of(),
                  Map.of(
                      "Authorization", List.of("Bearer " + ALICE_TOKEN),
                      "Content-Type", List.of(JSON)),
                  new byte[] {'{', '"', 't', 'e', 'x', 't', '"', ':', '"', (byte) 0xC3, '"', '}'}));
      assertThat(response.status()).isEqualTo(400);
      assertThat(json(response).path("error").path("message").asText()).contains("UTF-8");
    }
  }

  @Nested
  @DisplayName("Failures of the store and the host")
  class Failures {
    /** If this fails, check Failures' answer for each StoreUnavailableException.Reason. */
    @ParameterizedTest
    @EnumSource(StoreUnavailableException.Reason.class)
    @DisplayName("a store failure is a 503 with Retry-After only when waiting helps; never leaks")
    void storeUnavailable(StoreUnavailableException.Reason reason) {
      ApiFixture failing =
          new ApiFixture(
              false,
              ZoneOffset.UTC,
              b ->
                  b.authenticator(
                      token -> {
                        throw new StoreUnavailableException(
                            reason,
                            "the activity database at /var/lib/secret is " + reason,
                            new IllegalStateException("jdbc:h2:file:/var/lib/secret hunter2"));
                      }));
      ApiResponse response = failing.get("/api3/activity", ALICE_TOKEN);
      int expected =
          switch (reason) {
            case UNREACHABLE, BUSY -> 503;
            case TIMEOUT -> 504;
            default -> 500;
          };
      assertThat(response.status()).as("status for %s", reason).isEqualTo(expected);
      assertThat(response.header("Retry-After").isPresent())
          .as("Retry-After for %s", reason)
          .isEqualTo(reason.isTransient());
      String message = json(response).path("error").path("message").asText();
      assertThat(message)
          .doesNotContain("secret")
          .doesNotContain("hunter2")
          .doesNotContain("jdbc")
          .doesNotContain(reason.name())
          .doesNotContain("\n");
      if (reason.isTransient()) {
        assertThat(message).isEqualTo("The activity store is unavailable; try again later");
      }
      assertThat(failing.get("/api3/activity?format=xml", ALICE_TOKEN).contentType())
          .startsWith("application/xml");
    }

    /** If this fails, check that a closed store is not answered as one that comes back. */
    @Test
    @DisplayName("a closed store is a 500 without Retry-After: waiting does not reopen it")
    void closedStore() {
      site.store.close();
      ApiResponse response = site.get("/api3/activity", ALICE_TOKEN);
      assertThat(response.status()).isEqualTo(500);
      assertThat(response.header("Retry-After")).isEmpty();
      assertThat(json(response).path("error").path("message").asText())
          .startsWith("The activity store cannot serve requests; reference ");
    }

    @Test
    @DisplayName("an unexpected failure is a 500 whose body never carries its message")
    void unexpectedFailure() {
      ApiFixture broken =
          new ApiFixture(
              false,
              ZoneOffset.UTC,
              b ->
                  b.authenticator(
                      token -> {
                        throw new IllegalStateException(
                            "jdbc:postgresql://db/prod password=hunter2");
                      }));
      ApiResponse response = broken.get("/api3/activity", ALICE_TOKEN);
      assertThat(response.status()).isEqualTo(500);
      assertThat(response.bodyText())
          .doesNotContain("hunter2")
          .doesNotContain("postgresql")
          .doesNotContain("IllegalStateException")
          .contains("Internal error; reference ");
    }

    @Test
    @DisplayName("an authenticator that returns empty for a token is a 401, not a 500")
    void emptyAuthenticator() {
      ApiFixture none =
          new ApiFixture(false, ZoneOffset.UTC, b -> b.authenticator(t -> Optional.empty()));
      assertThat(none.get("/api3/activity", ALICE_TOKEN).status()).isEqualTo(401);
    }
  }

  @Nested
  @DisplayName("Writes that the requester may not make")
  class Forbidden {
    @Test
    @DisplayName("recording into a workspace group the requester may not write is a 403")
    void recordIntoOtherGroup() {
      String body =
          "{\"activity_type\":\"100\",\"workspace_group_id\":"
              + BOB_GROUP
              + ",\"user\":{\"id\":7,\"username\":\"alice\",\"email\":\"alice@example.com\"}}";
      ApiResponse response = site.send("POST", "/api/v1/activity/", ALICE_TOKEN, JSON, body);
      assertThat(response.status()).isEqualTo(403);
      assertThat(site.log.count(ApiFixture.bob(), org.activitylog.api.ActivityQuery.ALL))
          .isEqualTo(1);
    }

    @Test
    @DisplayName(
        "recording with a uid another tenant uses answers as a fresh uid does: 201, in the"
            + " requester's group")
    void uidOfAnotherTenant() {
      String template =
          "{\"activity_type\":\"100\",\"uid\":\"%s\","
              + "\"user\":{\"id\":7,\"username\":\"alice\",\"email\":\"alice@example.com\"}}";
      ApiResponse taken =
          site.send("POST", "/api/v1/activity/", ALICE_TOKEN, JSON, template.formatted(bobs.uid()));
      UUID fresh = UUID.randomUUID();
      ApiResponse free =
          site.send("POST", "/api/v1/activity/", ALICE_TOKEN, JSON, template.formatted(fresh));

      assertThat(taken.status()).as(taken.bodyText()).isEqualTo(201);
      assertThat(free.status()).as(free.bodyText()).isEqualTo(201);
      JsonNode mine = json(taken);
      assertThat(mine.path("workspace_group_id").asLong()).isEqualTo(ALICE_GROUP);
      assertThat(mine.path("id").asLong()).isNotEqualTo(bobs.id());
      assertThat(mine.path("user").path("username").asText()).isEqualTo("alice");
      assertThat(site.log.get(ApiFixture.bob(), bobs.id())).isEqualTo(bobs);
      assertThat(site.log.getByUid(ApiFixture.alice(), bobs.uid()).id())
          .isEqualTo(mine.path("id").asLong());
    }

    @Test
    @DisplayName(
        "a PUT naming another workspace group is a 200 that leaves the activity in its own")
    void moveIntoOtherGroup() {
      ApiResponse response =
          site.send(
              "PUT",
              "/api/v1/activity/" + login.id() + "/",
              ALICE_TOKEN,
              JSON,
              "{\"workspace_group_id\":" + BOB_GROUP + "}");
      assertThat(response.status()).isEqualTo(200);
      assertThat(site.log.get(ApiFixture.alice(), login.id()).workspaceGroupId())
          .isEqualTo(ALICE_GROUP);
      assertThat(site.log.count(ApiFixture.bob(), org.activitylog.api.ActivityQuery.ALL))
          .isEqualTo(1);
    }
  }

  @Test
  @DisplayName("the seeds' example activity answers its GET example")
  void seedGet() {
    ApiResponse response = site.get("/api3/activity/" + IDEA.toLowerCase(), ALICE_TOKEN);
    assertThat(response.status()).isEqualTo(200);
    assertThat(json(response).path("activity").path("id").asText()).isEqualTo(IDEA);
    assertThat(json(response).path("activity").path("member").path("screen_name").asText())
        .isEqualTo(SeedActivities.maxPower().screenName());
  }
}
