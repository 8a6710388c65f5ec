package org.activitylog.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.activitylog.api.Activity;
import org.activitylog.api.ActorRef;
import org.activitylog.api.NewActivity;
import org.activitylog.core.ActivityLog;
import org.activitylog.core.Requester;
import org.activitylog.memory.InMemoryActivityStore;
import org.activitylog.testkit.MutableClock;
import org.activitylog.testkit.SeedActivities;

/**
 * An adapter over a fresh in-memory store with two tenants: Alice (Max Power, workspace group 1)
 * and Bob (an AISquare user, workspace group 2), and requests built from a target such as {@code
 * /api3/activity?page=2}.
 */
final class ApiFixture {
  static final long ALICE_GROUP = 1;
  static final long BOB_GROUP = 2;
  static final String ALICE_TOKEN = "alice-token";
  static final String BOB_TOKEN = "bob-token";
  static final String JSON = "application/json";

  private static final ObjectMapper MAPPER = new ObjectMapper();

  final MutableClock clock = new MutableClock();
  final InMemoryActivityStore store = InMemoryActivityStore.create(clock);
  final ActivityLog log;
  final ActivityHttpApi api;

  /** A private site in UTC. */
  ApiFixture() {
    this(false, ZoneOffset.UTC, b -> b);
  }

  /**
   * A site.
   *
   * @param publicSite whether anonymous requesters may read Alice's group
   * @param zone the zone of Brightidea dates
   * @param tune further settings of the adapter
   */
  ApiFixture(boolean publicSite, ZoneId zone, UnaryOperator<ActivityHttpApi.Builder> tune) {
    ActivityLog.Builder logBuilder = ActivityLog.builder(store).clock(clock);
    log =
        (publicSite ? logBuilder.publicAccess(Set.of(ALICE_GROUP)) : logBuilder.privateAccess())
            .build();
    api =
        tune.apply(
                ActivityHttpApi.builder(log)
                    .zone(zone)
                    .defaultWorkspaceGroup(ALICE_GROUP)
                    .authenticator(
                        Authenticator.of(Map.of(ALICE_TOKEN, alice(), BOB_TOKEN, bob()))))
            .build();
  }

  static Requester alice() {
    return Requester.user(
        ActorRef.member(SeedActivities.maxPower().id()),
        "alice",
        Set.of(ALICE_GROUP),
        Set.of(ALICE_GROUP));
  }

  static Requester bob() {
    return Requester.user(ActorRef.user(2), "bob", Set.of(BOB_GROUP), Set.of(BOB_GROUP));
  }

  /** Records as the host itself, into any group. */
  Activity record(NewActivity activity) {
    return log.record(Requester.system("test"), activity);
  }

  /** The seeds' four example activities, in Alice's group, in the order the seeds show them. */
  List<Activity> recordSeeds() {
    return List.of(
        record(SeedActivities.aisquareLogin(ALICE_GROUP)),
        record(SeedActivities.brightideaPostIdea(ALICE_GROUP)),
        record(SeedActivities.brightideaUpdateWithHifiveAndComment(ALICE_GROUP)),
        record(SeedActivities.brightideaUpdateWithAttachment(ALICE_GROUP)));
  }

  ApiResponse get(String target, String token) {
    return send("GET", target, token, null, null);
  }

  ApiResponse send(String method, String target, String token, String contentType, String body) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    if (token != null) {
      headers.put("Authorization", List.of("Bearer " + token));
    }
    if (contentType != null) {
      headers.put("Content-Type", List.of(contentType));
    }
    return send(method, target, headers, body);
  }

  ApiResponse send(String method, String target, Map<String, List<String>> headers, String body) {
    int q = target.indexOf('?');
    String path = q < 0 ? target : target.substring(0, q);
    String query = q < 0 ? null : target.substring(q + 1);
    byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
    return conforming(method, path, api.handle(ApiRequest.of(method, path, query, headers, bytes)));
  }

  /**
   * Every activity an AISquare endpoint answers with, in every test that goes through this fixture,
   * must validate against the seed's {@code UserActivity} schema. A {@code HEAD} answer has no body
   * to check.
   */
  private static ApiResponse conforming(String method, String path, ApiResponse response) {
    if (path.startsWith("/api/v1/activity/")
        && !"HEAD".equals(method)
        && (response.status() == 200 || response.status() == 201)) {
      List<String> errors = UserActivitySchema.errors(response.bodyText());
      if (!errors.isEmpty()) {
        throw new AssertionError(
            "the AISquare answer does not validate against UserActivity: "
                + errors
                + "\n"
                + response.bodyText());
      }
    }
    return response;
  }

  static JsonNode json(ApiResponse response) {
    try {
      return MAPPER.readTree(response.bodyText());
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The Brightidea ids of a LIST answer, in order. */
  static List<String> ids(ApiResponse response) {
    List<String> ids = new java.util.ArrayList<>();
    json(response).path("activity_list").forEach(item -> ids.add(item.path("id").asText()));
    return ids;
  }
}
