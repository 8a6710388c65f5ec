package org.activitylog.server;

import static org.activitylog.server.ServerClient.json;
import static org.activitylog.server.ServerClient.nullMembers;
import static org.activitylog.server.ServerClient.tree;
import static org.activitylog.server.ServerClient.withoutNulls;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.activitylog.api.ActorRef;
import org.activitylog.core.Requester;
import org.activitylog.formats.SeedExamples;
import org.activitylog.http.Authenticator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The server answers the seeds' example requests over a real port")
class ActivityServerEndToEndTest {
  static final String TOKEN = "85f7b2462570acdde9a458ba6495b8763dcd040c";
  static final String OTHER_TOKEN = "other-tenant-token";
  static final String SEED_ID = "D2136C62-B65E-40D2-ABD2-873AEF120514";
  static final String JSON = "application/json";

  @TempDir static Path dataDir;
  static ActivityServer server;
  static ServerClient http;

  @BeforeAll
  static void start() {
    ServerConfig config =
        ServerConfig.parse(
            new String[] {"--port", "0", "--data-dir", dataDir.toString(), "--demo-token", TOKEN},
            name -> null);
    // A user of the third workspace group, which the demo user never sees.
    Requester other =
        Requester.user(ActorRef.member(UUID.randomUUID()), "other", Set.of(3L), Set.of(3L));
    server = ActivityServer.start(config, Authenticator.of(Map.of(OTHER_TOKEN, other)));
    http = new ServerClient(server.uri());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static List<String> ids(HttpResponse<String> response) {
    List<String> ids = new ArrayList<>();
    json(response).path("activity_list").forEach(a -> ids.add(a.path("id").asText()));
    return ids;
  }

  @Nested
  @DisplayName("Brightidea api3")
  class Brightidea {
    @Test
    @DisplayName("GET /api3/activity/{id} answers the seed's GET example")
    void seedGet() {
      HttpResponse<String> response = http.get("/api3/activity/" + SEED_ID, TOKEN);
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.headers().firstValue("Content-Type"))
          .contains("application/json; charset=UTF-8");
      assertThat(withoutNulls(json(response)))
          .isEqualTo(withoutNulls(tree(SeedExamples.brightideaGetActivity())));
      assertThat(nullMembers(json(response)))
          .containsAll(nullMembers(tree(SeedExamples.brightideaGetActivity())));
    }

    @Test
    @DisplayName("the id is matched in any case")
    void lowerCaseId() {
      HttpResponse<String> response = http.get("/api3/activity/" + SEED_ID.toLowerCase(), TOKEN);
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(json(response).path("activity").path("id").asText()).isEqualTo(SEED_ID);
    }

    @Test
    @DisplayName(
        "?page_size=2&page=1&type=POST_UPDATE answers the seed's LIST example, stats included")
    void seedList() {
      HttpResponse<String> response =
          http.get("/api3/activity?page_size=2&page=1&type=POST_UPDATE", TOKEN);
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(withoutNulls(json(response)))
          .isEqualTo(withoutNulls(tree(SeedExamples.brightideaListActivity())));
      assertThat(nullMembers(json(response)))
          .containsAll(nullMembers(tree(SeedExamples.brightideaListActivity())));
    }

    @Test
    @DisplayName("format=xml answers the same activity as XML")
    void xml() {
      HttpResponse<String> response = http.get("/api3/activity/" + SEED_ID + "?format=xml", TOKEN);
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.headers().firstValue("Content-Type"))
          .contains("application/xml; charset=UTF-8");
      assertThat(response.body())
          .startsWith("<?xml")
          .contains("<id>" + SEED_ID + "</id>")
          .contains("<idea_title>Here is a great Idea Title</idea_title>");
    }

    @Test
    @DisplayName(
        "date_created=04/18/2013 selects the seeds' day: three Brightidea examples and one login")
    void seedDay() {
      HttpResponse<String> response = http.get("/api3/activity?date_created=04/18/2013", TOKEN);
      assertThat(ids(response))
          .hasSize(4)
          .contains(
              SEED_ID,
              "FB4CAD9D-0169-48C8-9553-CD3D30D1B052",
              "3326811E-5E09-4196-B8AF-FCADE3798173");
    }

    @Test
    @DisplayName("following=1 lists only activities of the actors the demo user follows")
    void following() {
      HttpResponse<String> response = http.get("/api3/activity?following=1&page_size=100", TOKEN);
      assertThat(response.statusCode()).isEqualTo(200);
      JsonNode list = json(response).path("activity_list");
      assertThat(list.size()).isGreaterThan(2);
      list.forEach(
          a -> {
            String who =
                a.has("member")
                    ? a.path("member").path("screen_name").asText()
                    : a.path("user").path("username").asText();
            assertThat(who).isIn("Lillian Smith", "John Doe", "johndoe");
          });
    }

    @Test
    @DisplayName("a bad parameter is a 400 naming it, in the requested format")
    void badParameter() {
      HttpResponse<String> response = http.get("/api3/activity?page_size=500", TOKEN);
      assertThat(response.statusCode()).isEqualTo(400);
      assertThat(json(response).path("error").path("field").asText()).isEqualTo("page_size");
      HttpResponse<String> xml = http.get("/api3/activity?page_size=500&format=xml", TOKEN);
      assertThat(xml.statusCode()).isEqualTo(400);
      assertThat(xml.body()).contains("<field>page_size</field>");
    }

    @Test
    @DisplayName("a wrong method is a 405 with Allow")
    void wrongMethod() {
      HttpResponse<String> response = http.send("POST", "/api3/activity", TOKEN, JSON, "{}");
      assertThat(response.statusCode()).isEqualTo(405);
      assertThat(response.headers().firstValue("Allow")).contains("GET, HEAD");
    }
  }

  @Nested
  @DisplayName("AISquare /api/v1/activity")
  class Aisquare {
    @Test
    @DisplayName("the seed's PUT example updates activity 1")
    void seedPut() {
      HttpResponse<String> before = http.get("/api/v1/activity/1/", TOKEN);
      assertThat(before.statusCode()).isEqualTo(200);
      long version =
          Long.parseLong(before.headers().firstValue("ETag").orElseThrow().replace("\"", ""));
      HttpResponse<String> response =
          http.send("PUT", "/api/v1/activity/1/", TOKEN, JSON, SeedExamples.aisquarePutRequest());
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      JsonNode body = json(response);
      assertThat(body.path("id").asLong()).isEqualTo(1);
      assertThat(body.path("activity_type").asText()).isEqualTo("100");
      assertThat(body.path("text").asText())
          .isEqualTo("User logged in successfully from IP 192.168.1.10");
      assertThat(body.path("user").path("username").asText()).isEqualTo("johndoe");
      assertThat(body.path("user").path("email").asText()).isEqualTo("johndoe@example.com");
      assertThat(body.path("updated_by").asText()).isEqualTo("demo");
      assertThat(response.headers().firstValue("ETag")).contains("\"" + (version + 1) + "\"");
      assertThat(json(http.get("/api/v1/activity/1", TOKEN)).path("text").asText())
          .isEqualTo("User logged in successfully from IP 192.168.1.10");
    }

    @Test
    @DisplayName("a PUT with a stale If-Match is a 412")
    void staleIfMatch() {
      HttpResponse<String> response =
          http.send(
              "PUT",
              "/api/v1/activity/1/",
              TOKEN,
              JSON,
              "{\"text\":\"never\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
      assertThat(response.statusCode()).isEqualTo(200);
      // java.net.http cannot add If-Match through ServerClient; build the request by hand.
      java.net.http.HttpRequest request =
          java.net.http.HttpRequest.newBuilder(server.uri().resolve("/api/v1/activity/1/"))
              .header("Authorization", "Bearer " + TOKEN)
              .header("Content-Type", JSON)
              .header("If-Match", "\"0\"")
              .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{\"text\":\"stale\"}"))
              .build();
      try {
        HttpResponse<String> stale =
            java.net.http.HttpClient.newHttpClient()
                .send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(stale.statusCode()).isEqualTo(412);
      } catch (Exception e) {
        throw new AssertionError(e);
      }
    }

    @Test
    @DisplayName(
        "POST records (201 with Location), GET reads it, DELETE soft-deletes it (204, then 404)")
    void lifecycle() {
      HttpResponse<String> created =
          http.send(
              "POST",
              "/api/v1/activity/",
              TOKEN,
              JSON,
              "{\"activity_type\":\"500\",\"user\":{\"id\":2,\"username\":\"janedoe\","
                  + "\"email\":\"janedoe@example.com\"},\"text\":\"Viewed the handbook\","
                  + "\"resource\":{\"kind\":\"document\",\"id\":42}}");
      assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
      String location = created.headers().firstValue("Location").orElseThrow();
      assertThat(location).matches("/api/v1/activity/\\d+/");
      assertThat(json(created).path("workspace_group_id").asLong()).isEqualTo(1);
      HttpResponse<String> read = http.get(location, TOKEN);
      assertThat(read.statusCode()).isEqualTo(200);
      assertThat(json(read).path("resource").path("id").asInt()).isEqualTo(42);
      HttpResponse<String> deleted = http.send("DELETE", location, TOKEN, null, (byte[]) null);
      assertThat(deleted.statusCode()).isEqualTo(204);
      assertThat(deleted.body()).isEmpty();
      assertThat(http.get(location, TOKEN).statusCode()).isEqualTo(404);
    }

    @Test
    @DisplayName("a body that is not JSON is a 415, one over 1 MiB a 413")
    void bodies() {
      assertThat(http.send("PUT", "/api/v1/activity/1/", TOKEN, "text/plain", "hello").statusCode())
          .isEqualTo(415);
      byte[] huge = new byte[1024 * 1024 + 1];
      java.util.Arrays.fill(huge, (byte) ' ');
      assertThat(http.send("PUT", "/api/v1/activity/1/", TOKEN, JSON, huge).statusCode())
          .isEqualTo(413);
    }
  }

  @Nested
  @DisplayName("Access")
  class Access {
    @Test
    @DisplayName("without a token the private site answers 401 with a Bearer challenge")
    void anonymous() {
      HttpResponse<String> response = http.get("/api3/activity", null);
      assertThat(response.statusCode()).isEqualTo(401);
      assertThat(response.headers().firstValue("WWW-Authenticate"))
          .hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
      assertThat(http.get("/api/v1/activity/1/", null).statusCode()).isEqualTo(401);
    }

    @Test
    @DisplayName("an unknown token is a 401")
    void unknownToken() {
      assertThat(http.get("/api3/activity", "not-a-token").statusCode()).isEqualTo(401);
    }

    @Test
    @DisplayName("a missing id and another tenant's id get byte-identical 404s")
    void notFoundIdentity() {
      HttpResponse<String> theirs = http.get("/api3/activity?page_size=1", OTHER_TOKEN);
      String foreign = ids(theirs).get(0);
      HttpResponse<String> hidden = http.get("/api3/activity/" + foreign, TOKEN);
      HttpResponse<String> missing =
          http.get("/api3/activity/11111111-1111-1111-1111-111111111111", TOKEN);
      HttpResponse<String> malformed = http.get("/api3/activity/42", TOKEN);
      assertThat(hidden.statusCode()).isEqualTo(404);
      assertThat(json(missing).path("error").path("message").asText())
          .isEqualTo("Invalid object ID or you don't have access to this object");
      assertThat(hidden.body()).isEqualTo(missing.body()).isEqualTo(malformed.body());
      assertThat(http.get("/api3/activity/" + SEED_ID, OTHER_TOKEN).body())
          .isEqualTo(missing.body());
    }

    @Test
    @DisplayName("each tenant lists only its own workspace groups")
    void tenantScoping() {
      List<String> theirs = ids(http.get("/api3/activity?page_size=100", OTHER_TOKEN));
      List<String> ours = ids(http.get("/api3/activity?page_size=100", TOKEN));
      assertThat(theirs).isNotEmpty().doesNotContainAnyElementsOf(ours).doesNotContain(SEED_ID);
      assertThat(ids(http.get("/api3/activity?id=" + theirs.get(0), TOKEN))).isEmpty();
      assertThat(http.get("/api3/activity?type=POST_UPDATE", OTHER_TOKEN).body())
          .doesNotContain("FB4CAD9D-0169-48C8-9553-CD3D30D1B052");
    }
  }
}
