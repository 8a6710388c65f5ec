package org.activitylog.server;

import static org.activitylog.server.ServerClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.activitylog.http.Authenticator;
import org.activitylog.server.internal.DemoData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every demo activity the AISquare endpoint serves validates against the seed's {@code
 * UserActivity} schema; every other id answers exactly like a missing one.
 */
@DisplayName("The demo data served over AISquare's endpoint follows the seed's schema")
class DemoDataSchemaTest {
  static final String TOKEN = "85f7b2462570acdde9a458ba6495b8763dcd040c";

  @TempDir static Path dataDir;
  static ActivityServer server;
  static ServerClient http;

  @BeforeAll
  static void start() {
    ServerConfig config =
        ServerConfig.parse(
            new String[] {"--port", "0", "--data-dir", dataDir.toString(), "--demo-token", TOKEN},
            name -> null);
    server = ActivityServer.start(config, Authenticator.of(Map.of()));
    http = new ServerClient(server.uri());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  @DisplayName(
      "each id answers a body that validates, or the missing id's 404, and every AISquare"
          + " activity the demo user sees is served")
  void everyDemoActivity() {
    // The seeds' four examples, the generated activities and a margin of ids that never existed.
    int last = 4 + DemoData.GENERATED + 10;
    HttpResponse<String> missing = http.get("/api/v1/activity/" + (last + 1000) + "/", TOKEN);
    assertThat(missing.statusCode()).isEqualTo(404);
    List<String> failures = new ArrayList<>();
    int served = 0;
    for (int id = 1; id <= last; id++) {
      HttpResponse<String> response = http.get("/api/v1/activity/" + id + "/", TOKEN);
      if (response.statusCode() == 200) {
        served++;
        List<String> errors = UserActivitySchema.errors(response.body());
        if (!errors.isEmpty()) {
          failures.add(id + ": " + errors);
        }
      } else if (response.statusCode() != 404 || !response.body().equals(missing.body())) {
        failures.add(id + ": " + response.statusCode() + " " + response.body());
      }
    }

    assertThat(failures).as("ids whose answer breaks the schema or differs from missing").isEmpty();
    assertThat(served).isEqualTo(visibleAisquareActivities()).isPositive();
  }

  /** The demo user's activities whose actor is an AISquare user, counted through Brightidea. */
  static int visibleAisquareActivities() {
    int count = 0;
    for (int page = 1; ; page++) {
      JsonNode list =
          json(http.get("/api3/activity?page_size=100&page=" + page, TOKEN)).path("activity_list");
      for (JsonNode activity : list) {
        if (activity.has("user")) {
          count++;
        }
      }
      if (list.size() < 100) {
        return count;
      }
    }
  }
}
