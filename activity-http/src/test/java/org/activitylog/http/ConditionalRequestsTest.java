package org.activitylog.http;

import static org.activitylog.http.ApiFixture.ALICE_TOKEN;
import static org.activitylog.http.ApiFixture.JSON;
import static org.activitylog.http.ApiFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.activitylog.api.Activity;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("If-Match, If-None-Match and HEAD follow RFC 9110")
class ConditionalRequestsTest {
  static final String IDEA = "D2136C62-B65E-40D2-ABD2-873AEF120514";

  ApiFixture site = new ApiFixture();
  Activity login;
  String path;

  @BeforeEach
  void recordSeeds() {
    login = site.recordSeeds().get(0);
    path = "/api/v1/activity/" + login.id() + "/";
  }

  /** Sends as Alice, with a JSON body when there is one and each header line given. */
  ApiResponse send(String method, String target, String body, String... headerLines) {
    Map<String, List<String>> headers = new HashMap<>();
    headers.put("Authorization", List.of("Bearer " + ALICE_TOKEN));
    if (body != null) {
      headers.put("Content-Type", List.of(JSON));
    }
    for (String line : headerLines) {
      int colon = line.indexOf(':');
      headers
          .computeIfAbsent(line.substring(0, colon), k -> new java.util.ArrayList<>())
          .add(line.substring(colon + 1).strip());
    }
    return site.send(method, target, headers, body);
  }

  long version() {
    return site.log.get(ApiFixture.alice(), login.id()).version();
  }

  static void assertPreconditionFailed(ApiResponse response, String header) {
    assertThat(response.status()).as(response.bodyText()).isEqualTo(412);
    assertThat(json(response).path("error").path("field").asText()).isEqualTo(header);
  }

  @Nested
  @DisplayName("If-Match")
  class IfMatch {
    @ParameterizedTest
    @ValueSource(strings = {"\"7\", \"1\"", "\"1\", \"80\"", "\"7\",,\t\"1\"", "\"x,y\", \"1\""})
    @DisplayName("a list naming the current version anywhere lets a PUT through")
    void listOnPut(String value) {
      ApiResponse response = send("PUT", path, "{\"text\":\"ok\"}", "If-Match: " + value);
      assertThat(response.status()).as(response.bodyText()).isEqualTo(200);
    }

    @Test
    @DisplayName("the list may span several header lines")
    void severalLines() {
      ApiResponse response =
          send("PUT", path, "{\"text\":\"ok\"}", "If-Match: \"7\"", "If-Match: \"1\"");
      assertThat(response.status()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"W/\"1\"", "\"01\"", "\"1a\"", "\"7\", W/\"1\"", ""})
    @DisplayName("weak tags never match and tags compare exactly: 412, nothing changes")
    void strongComparison(String value) {
      assertPreconditionFailed(
          send("PUT", path, "{\"text\":\"no\"}", "If-Match: " + value), "If-Match");
      assertThat(version()).isEqualTo(1);
    }

    @Test
    @DisplayName("a DELETE naming another version is a 412 and deletes nothing")
    void deleteStale() {
      assertPreconditionFailed(send("DELETE", path, null, "If-Match: \"7\""), "If-Match");
      assertThat(site.get(path, ALICE_TOKEN).status()).isEqualTo(200);
      assertThat(send("DELETE", path, null, "If-Match: \"7\", \"1\"").status()).isEqualTo(204);
      assertThat(site.get(path, ALICE_TOKEN).status()).isEqualTo(404);
    }

    @Test
    @DisplayName("on a GET it is checked too: 412 for another version, 200 for the current one")
    void onGet() {
      assertPreconditionFailed(send("GET", path, null, "If-Match: \"7\""), "If-Match");
      assertThat(send("GET", path, null, "If-Match: \"1\"").status()).isEqualTo(200);
      assertThat(send("GET", path, null, "If-Match: *").status()).isEqualTo(200);
    }

    @Test
    @DisplayName("a Brightidea answer has no entity tag, so only * matches it")
    void withoutTag() {
      String one = "/api3/activity/" + IDEA;
      assertThat(send("GET", one, null, "If-Match: *").status()).isEqualTo(200);
      assertPreconditionFailed(send("GET", one, null, "If-Match: \"1\""), "If-Match");
    }

    @ParameterizedTest
    @ValueSource(
        strings = {"1", "\"1", "*, \"1\"", "\"a\"b\"", "W/1", "\"1\" \"2\"", "w/\"1\"", "\"1 \""})
    @DisplayName("a value that is neither * nor a list of entity tags is a 400 naming the header")
    void malformed(String value) {
      ApiResponse response = send("PUT", path, "{\"text\":\"no\"}", "If-Match: " + value);
      assertThat(response.status()).as(response.bodyText()).isEqualTo(400);
      assertThat(json(response).path("error").path("field").asText()).isEqualTo("If-Match");
      assertThat(version()).isEqualTo(1);
    }
  }

  @Nested
  @DisplayName("If-None-Match")
  class IfNoneMatch {
    @ParameterizedTest
    @ValueSource(strings = {"\"1\"", "W/\"1\"", "\"7\", \"1\"", "*"})
    @DisplayName(
        "on a GET matching the current version (weakly) it is a 304 with the ETag and no body")
    void notModified(String value) {
      ApiResponse response = send("GET", path, null, "If-None-Match: " + value);
      assertThat(response.status()).isEqualTo(304);
      assertThat(response.header("ETag")).contains("\"1\"");
      assertThat(response.header("Content-Length"))
          .contains(String.valueOf(site.get(path, ALICE_TOKEN).body().length));
      assertThat(response.body()).isEmpty();
      assertThat(response.contentType()).isEmpty();
    }

    @Test
    @DisplayName("on a GET naming only other versions it is the full 200")
    void modified() {
      ApiResponse response = send("GET", path, null, "If-None-Match: \"7\", W/\"0\"");
      assertThat(response.status()).isEqualTo(200);
      assertThat(json(response).path("id").asLong()).isEqualTo(login.id());
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"1\"", "W/\"1\"", "*"})
    @DisplayName("on a PUT or DELETE matching the current version it is a 412 and changes nothing")
    void onWrites(String value) {
      assertPreconditionFailed(
          send("PUT", path, "{\"text\":\"no\"}", "If-None-Match: " + value), "If-None-Match");
      assertPreconditionFailed(
          send("DELETE", path, null, "If-None-Match: " + value), "If-None-Match");
      assertThat(version()).isEqualTo(1);
      assertThat(site.get(path, ALICE_TOKEN).status()).isEqualTo(200);
    }

    @Test
    @DisplayName("on a PUT naming another version the update applies")
    void writeOtherVersion() {
      assertThat(send("PUT", path, "{\"text\":\"ok\"}", "If-None-Match: \"7\"").status())
          .isEqualTo(200);
    }

    @Test
    @DisplayName("* on a Brightidea GET is a 304: the activity exists")
    void brightidea() {
      ApiResponse response = send("GET", "/api3/activity/" + IDEA, null, "If-None-Match: *");
      assertThat(response.status()).isEqualTo(304);
      assertThat(response.body()).isEmpty();
      assertThat(send("GET", "/api3/activity/" + IDEA, null, "If-None-Match: \"1\"").status())
          .isEqualTo(200);
    }

    @Test
    @DisplayName("* on the POST collection is a 412 and records nothing")
    void post() {
      ApiResponse response =
          send(
              "POST",
              "/api/v1/activity/",
              "{\"activity_type\":\"100\",\"user\":{\"id\":1,\"username\":\"u\"}}",
              "If-None-Match: *");
      assertPreconditionFailed(response, "If-None-Match");
    }
  }

  @Test
  @DisplayName("a missing or hidden activity stays a 404 whatever the conditions say")
  void notFoundFirst() {
    for (String header : List.of("If-Match: *", "If-None-Match: *", "If-Match: \"1\"")) {
      assertThat(send("GET", "/api/v1/activity/999999/", null, header).status()).isEqualTo(404);
      assertThat(send("PUT", "/api/v1/activity/999999/", "{\"text\":\"x\"}", header).status())
          .isEqualTo(404);
      assertThat(send("DELETE", "/api/v1/activity/999999/", null, header).status()).isEqualTo(404);
    }
  }

  @Nested
  @DisplayName("HEAD")
  class Head {
    @ParameterizedTest
    @ValueSource(
        strings = {
          "/api3/activity?page_size=2",
          "/api3/activity?format=xml",
          "/api3/activity/" + IDEA,
          "/api3/activity/11111111-1111-1111-1111-111111111111",
          "/api3/activity?page_size=0",
          "/api/v1/activity/LOGIN/",
          "/api/v1/activity/999999/"
        })
    @DisplayName("answers exactly as GET, without the body")
    void asGet(String target) {
      String t = target.replace("LOGIN", String.valueOf(login.id()));
      ApiResponse get = site.get(t, ALICE_TOKEN);
      ApiResponse head = site.send("HEAD", t, ALICE_TOKEN, null, null);
      assertThat(head.status()).isEqualTo(get.status());
      assertThat(head.contentType()).isEqualTo(get.contentType());
      Map<String, String> expected = new HashMap<>(get.headers());
      expected.put("Content-Length", String.valueOf(get.body().length));
      assertThat(head.headers()).isEqualTo(expected);
      assertThat(head.body()).isEmpty();
      assertThat(get.body()).isNotEmpty();
    }

    @Test
    @DisplayName("honours If-None-Match like GET")
    void conditional() {
      ApiResponse head = send("HEAD", path, null, "If-None-Match: \"1\"");
      assertThat(head.status()).isEqualTo(304);
      assertThat(head.header("ETag")).contains("\"1\"");
    }

    @Test
    @DisplayName("is a read: an anonymous HEAD on a public site is answered")
    void anonymousOnPublicSite() {
      ApiFixture open = new ApiFixture(true, ZoneOffset.UTC, b -> b);
      open.recordSeeds();
      assertThat(open.send("HEAD", "/api3/activity", null, null, null).status()).isEqualTo(200);
    }

    @Test
    @DisplayName("where GET is not served it is a 405 with Allow")
    void notServed() {
      ApiResponse head = site.send("HEAD", "/api/v1/activity/", ALICE_TOKEN, null, null);
      assertThat(head.status()).isEqualTo(405);
      assertThat(head.header("Allow")).contains("POST");
      assertThat(head.body()).isEmpty();
    }
  }
}
