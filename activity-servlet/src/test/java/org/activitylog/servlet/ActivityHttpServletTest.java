package org.activitylog.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.activitylog.api.Activity;
import org.activitylog.api.ActorRef;
import org.activitylog.api.NewActivity;
import org.activitylog.core.ActivityLog;
import org.activitylog.core.Requester;
import org.activitylog.formats.SeedExamples;
import org.activitylog.http.ActivityHttpApi;
import org.activitylog.http.ApiRequest;
import org.activitylog.http.ApiResponse;
import org.activitylog.http.Authenticator;
import org.activitylog.memory.InMemoryActivityStore;
import org.activitylog.testkit.SeedActivities;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The servlet, mounted at {@code /app/activitylog/*} in Jetty's servlet container on a real port,
 * answers every seed request exactly as {@link ActivityHttpApi#handle} answers it directly: each
 * request goes to the servlet over HTTP and to a twin API (same seeds, same fixed clock) in
 * process, and status, content type, the API's headers and the body must match.
 */
class ActivityHttpServletTest {
  private static final String MOUNT = "/app/activitylog";
  private static final String TOKEN = "alice-token";
  private static final String JSON = "application/json";
  private static final int MAX_BODY = 8 * 1024;

  private final List<Activity> seeds = new ArrayList<>();
  private final ActivityHttpApi served = api(seeds);
  private final ActivityHttpApi twin = api(new ArrayList<>());
  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private Server server;
  private URI base;

  /**
   * An API over the seeds in Alice's group 1, with fixed uids, on a fixed clock, so two of them are
   * twins.
   */
  private static ActivityHttpApi api(List<Activity> recorded) {
    Clock clock = Clock.fixed(Instant.parse("2024-05-01T12:00:00Z"), ZoneOffset.UTC);
    InMemoryActivityStore store = InMemoryActivityStore.create(clock);
    ActivityLog log = ActivityLog.builder(store).clock(clock).privateAccess().build();
    Requester alice =
        Requester.user(
            ActorRef.member(SeedActivities.maxPower().id()), "alice", Set.of(1L), Set.of(1L));
    List<NewActivity> all = SeedActivities.all(1);
    for (int i = 0; i < all.size(); i++) {
      UUID uid = UUID.nameUUIDFromBytes(("seed-" + i).getBytes(StandardCharsets.UTF_8));
      recorded.add(log.record(Requester.system("test"), all.get(i).withUid(uid)));
    }
    return ActivityHttpApi.builder(log)
        .defaultWorkspaceGroup(1)
        .maxBodyBytes(MAX_BODY)
        .authenticator(Authenticator.of(Map.of(TOKEN, alice)))
        .build();
  }

  @BeforeEach
  void start() throws Exception {
    server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler("/app");
    context.addServlet(new ServletHolder(new ActivityHttpServlet(served)), "/activitylog/*");
    server.setHandler(context);
    server.start();
    base = URI.create("http://127.0.0.1:" + connector.getLocalPort());
  }

  @AfterEach
  void stop() throws Exception {
    server.stop();
  }

  /** An HTTP answer as the client saw it. */
  private record Answer(int status, Map<String, List<String>> headers, byte[] body) {
    String header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().get(0))
          .findFirst()
          .orElse("");
    }

    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    String describe() {
      return status + " " + headers + "\n" + text();
    }
  }

  /**
   * Sends a request to the servlet over HTTP and to the twin API directly, asserts that they agree
   * and returns the servlet's answer.
   */
  private Answer same(String method, String target, Map<String, String> headers, String body)
      throws Exception {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + MOUNT + target))
            .method(
                method,
                bytes.length == 0
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(bytes));
    headers.forEach(request::header);
    HttpResponse<byte[]> response =
        http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    Answer got = new Answer(response.statusCode(), response.headers().map(), response.body());

    int q = target.indexOf('?');
    Map<String, List<String>> apiHeaders = new LinkedHashMap<>();
    headers.forEach((k, v) -> apiHeaders.put(k, List.of(v)));
    ApiResponse expected =
        twin.handle(
            ApiRequest.of(
                method,
                q < 0 ? target : target.substring(0, q),
                q < 0 ? null : target.substring(q + 1),
                apiHeaders,
                bytes));

    /* If this fails, check how ActivityHttpServlet copies the request (path below the mount, raw
    query, bounded body) and the answer (status, headers, Content-Type, Content-Length). */
    assertThat(got.status()).as(got.describe()).isEqualTo(expected.status());
    // Containers write a Content-Type's parameters their own way ("application/json;charset=utf-8"
    // for "application/json; charset=UTF-8"); RFC 9110 (8.3.1) makes the two equal.
    assertThat(mediaType(got.header("Content-Type")))
        .as(got.describe())
        .isEqualTo(mediaType(expected.contentType()));
    expected
        .headers()
        .forEach(
            (name, value) ->
                assertThat(got.header(name))
                    .as("header %s of %s", name, got.describe())
                    .isEqualTo(name.equalsIgnoreCase("Location") ? MOUNT + value : value));
    assertThat(got.text()).as(got.describe()).isEqualTo(expected.bodyText());
    return got;
  }

  private static String mediaType(String contentType) {
    return contentType.replace(" ", "").toLowerCase(java.util.Locale.ROOT);
  }

  private Answer get(String target) throws Exception {
    return same("GET", target, Map.of("Authorization", "Bearer " + TOKEN), "");
  }

  @Nested
  @DisplayName("Brightidea LIST and GET")
  class Brightidea {

    /** If this fails, check the path the servlet gives the API: the part below the mount. */
    @Test
    @DisplayName("The seed's LIST request answers as the API does, below the mount path")
    void list() throws Exception {
      Answer answer = get("/api3/activity?page_size=2&page=1&type=POST_UPDATE");
      assertThat(answer.status()).isEqualTo(200);
      assertThat(answer.header("Content-Type")).startsWith(JSON);
      assertThat(answer.text()).contains("activity_list");
    }

    /** If this fails, check that the Content-Type is copied, charset included. */
    @Test
    @DisplayName("GET by uid answers the seed activity in JSON and in XML")
    void getJsonAndXml() throws Exception {
      String uid = seeds.get(0).uid().toString();
      assertThat(get("/api3/activity/" + uid).text()).containsIgnoringCase(uid);
      Answer xml = get("/api3/activity/" + uid + "?format=xml");
      assertThat(xml.status()).isEqualTo(200);
      assertThat(xml.header("Content-Type")).contains("xml");
      assertThat(get("/api3/activity?format=XML").status()).isEqualTo(200);
    }

    /**
     * If this fails, check that the raw query string reaches {@link ApiRequest#parseQuery}: the
     * container's parameter map would hide the repetition or the encoding.
     */
    @Test
    @DisplayName("Query strings decode as the server decodes them, repetitions included")
    void queryDecoding() throws Exception {
      assertThat(get("/api3/activity?page=1&page=1").status()).isEqualTo(400);
      assertThat(get("/api3/activity?type=POST%5FUPDATE&page_size=2").status()).isEqualTo(200);
      assertThat(get("/api3/activity?type=POST+UPDATE").status()).isEqualTo(400);
      assertThat(get("/api3/activity?page_size=%31%30").status()).isEqualTo(200);
      assertThat(get("/api3/activity?&&page_size=3&").status()).isEqualTo(200);
    }

    /** If this fails, check that HEAD goes to the API rather than to HttpServlet's doHead. */
    @Test
    @DisplayName("HEAD answers GET's headers with the length of its body and no body")
    void head() throws Exception {
      Answer get = get("/api3/activity");
      Answer head = same("HEAD", "/api3/activity", Map.of("Authorization", "Bearer " + TOKEN), "");
      assertThat(head.status()).isEqualTo(200);
      assertThat(head.body()).isEmpty();
      assertThat(head.header("Content-Length")).isEqualTo(String.valueOf(get.body().length));
    }
  }

  @Nested
  @DisplayName("AISquare GET, PUT, DELETE and POST")
  class Aisquare {

    /** If this fails, check that the request body and the ETag header pass through. */
    @Test
    @DisplayName("GET, the seed's PUT and DELETE answer as the API does")
    void getPutDelete() throws Exception {
      String one = aisquarePath(0);
      Answer before = same("GET", one, auth(), "");
      assertThat(before.status()).isEqualTo(200);
      assertThat(before.header("ETag")).isNotEmpty();
      Answer put = same("PUT", one, json(), SeedExamples.aisquarePutRequest());
      assertThat(put.status()).isEqualTo(200);
      assertThat(put.text()).contains("User logged in successfully from IP 192.168.1.10");
      assertThat(same("DELETE", one, auth(), "").status()).isEqualTo(204);
      assertThat(same("GET", one, auth(), "").status()).isEqualTo(404);
    }

    /** If this fails, check that a conditional GET's 304 keeps its ETag and sends no body. */
    @Test
    @DisplayName("A GET whose If-None-Match matches is answered 304")
    void notModified() throws Exception {
      String two = aisquarePath(0);
      String etag = same("GET", two, auth(), "").header("ETag");
      Map<String, String> headers = new LinkedHashMap<>(auth());
      headers.put("If-None-Match", etag);
      Answer answer = same("GET", two, headers, "");
      assertThat(answer.status()).isEqualTo(304);
      assertThat(answer.body()).isEmpty();
    }

    /** If this fails, check that the servlet prefixes a path-absolute Location with its mount. */
    @Test
    @DisplayName("POST answers 201 with a Location under the mount path")
    void post() throws Exception {
      Answer answer =
          same(
              "POST",
              "/api/v1/activity/",
              json(),
              "{\"uid\":\"5b7c3a1e-0000-4000-8000-000000000001\",\"activity_type\":\"500\",\"user\":{\"id\":7,\"username\":\"alice\","
                  + "\"email\":\"alice@example.com\"},\"text\":\"Viewed a resource\"}");
      assertThat(answer.status()).as(answer.describe()).isEqualTo(201);
      assertThat(answer.header("Location")).matches(MOUNT + "/api/v1/activity/\\d+/");
      String location = answer.header("Location").substring(MOUNT.length());
      assertThat(same("GET", location, auth(), "").status()).isEqualTo(200);
    }

    /** If this fails, check that the body is read up to one byte over the API's limit. */
    @Test
    @DisplayName("A body over the limit is answered 413")
    void tooLarge() throws Exception {
      String huge = "{\"text\":\"" + "x".repeat(MAX_BODY * 2) + "\"}";
      String one = aisquarePath(0);
      assertThat(same("PUT", one, json(), huge).status()).isEqualTo(413);
    }
  }

  @Nested
  @DisplayName("Errors")
  class Errors {

    /** If this fails, check that the Authorization header reaches the API. */
    @Test
    @DisplayName("401, 404, 405 and 400 come with the API's bodies")
    void errorBodies() throws Exception {
      Answer anonymous = same("GET", "/api3/activity", Map.of(), "");
      assertThat(anonymous.status()).isEqualTo(401);
      assertThat(anonymous.text()).contains("Authentication is required");
      Answer unknown = same("GET", "/api3/activity", Map.of("Authorization", "Bearer nope"), "");
      assertThat(unknown.status()).isEqualTo(401);
      Answer missing = get("/api3/activity/00000000-0000-0000-0000-000000000000");
      assertThat(missing.status()).isEqualTo(404);
      assertThat(missing.text())
          .contains("Invalid object ID or you don't have access to this object");
      assertThat(get("/api3/activity/not-a-uuid?format=xml").status()).isEqualTo(404);
      assertThat(get("/nowhere").status()).isEqualTo(404);
      Answer bad = get("/api3/activity?page_size=0");
      assertThat(bad.status()).isEqualTo(400);
      assertThat(bad.text()).contains("page_size");
      Answer notAllowed = same("PATCH", "/api3/activity", auth(), "");
      assertThat(notAllowed.status()).isEqualTo(405);
      assertThat(notAllowed.header("Allow")).isNotEmpty();
    }
  }

  /**
   * The AISquare path of the n-th seed the AISquare endpoints serve (they serve AISquare's types
   * only).
   */
  private String aisquarePath(int n) {
    return seeds.stream()
        .map(a -> "/api/v1/activity/" + a.id() + "/")
        .filter(
            path ->
                twin.handle(
                            ApiRequest.of(
                                "HEAD",
                                path,
                                null,
                                Map.of("Authorization", List.of("Bearer " + TOKEN)),
                                new byte[0]))
                        .status()
                    == 200)
        .skip(n)
        .findFirst()
        .orElseThrow(() -> new AssertionError("fewer than " + (n + 1) + " AISquare seeds"));
  }

  private static Map<String, String> auth() {
    return Map.of("Authorization", "Bearer " + TOKEN);
  }

  private static Map<String, String> json() {
    return Map.of("Authorization", "Bearer " + TOKEN, "Content-Type", JSON);
  }
}
