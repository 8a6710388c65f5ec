package org.activitylog.server;

import static org.activitylog.server.ServerClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two tenants from a {@code --tokens} file, over a real port: the demo data's groups 1 and 2 are
 * Alice's, group 3 is Bob's.
 */
@DisplayName("Two tenants from a token file see only their own workspace groups")
class TwoTenantsTest {
  static final String ALICE = "alice-5a0c7e1e9b2d4f6a8c3e";
  static final String BOB = "bob-0d9f8e7c6b5a4f3e2d1c";
  static final String DEMO = "demo-token-of-this-test";
  static final String MISSING = "/api3/activity/11111111-1111-1111-1111-111111111111";

  @TempDir static Path dir;
  static ActivityServer server;
  static ServerClient http;

  @BeforeAll
  static void start() throws Exception {
    Path tokens =
        Files.writeString(
            dir.resolve("tokens.txt"),
            """
            # token                     name   readable  writable
            %s  alice  1,2       1,2
            %s    bob    3         3
            """
                .formatted(ALICE, BOB));
    server =
        ActivityServer.start(
            ServerConfig.parse(
                new String[] {
                  "--port",
                  "0",
                  "--data-dir",
                  dir.resolve("data").toString(),
                  "--demo-token",
                  DEMO,
                  "--tokens",
                  tokens.toString()
                },
                name -> null));
    http = new ServerClient(server.uri());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static List<String> ids(String token) {
    List<String> ids = new ArrayList<>();
    json(http.get("/api3/activity?page_size=100", token))
        .path("activity_list")
        .forEach(a -> ids.add(a.path("id").asText()));
    return ids;
  }

  /** If this fails, check ServerConfig's --tokens and how ActivityServer.start chains the table. */
  @Test
  @DisplayName("each tenant lists only its own groups, and the demo token still works")
  void listsAreDisjoint() {
    List<String> alice = ids(ALICE);
    List<String> bob = ids(BOB);
    assertThat(alice).as("Alice's list").isNotEmpty();
    assertThat(bob).as("Bob's list").isNotEmpty().doesNotContainAnyElementsOf(alice);
    assertThat(ids(DEMO)).as("the demo user reads groups 1 and 2 too").isEqualTo(alice);
    assertThat(http.get("/api3/activity", "bob-0d9f8e7c6b5a4f3e2d1X").statusCode()).isEqualTo(401);
  }

  /** If this fails, check that the table's requesters reach the facade's access rules unchanged. */
  @Test
  @DisplayName("another tenant's id answers byte for byte what a missing id answers")
  void notFoundEqualsNoAccess() {
    String bobs = ids(BOB).get(0);
    String alices = ids(ALICE).get(0);
    for (String[] pair : new String[][] {{ALICE, bobs}, {BOB, alices}}) {
      HttpResponse<String> hidden = http.get("/api3/activity/" + pair[1], pair[0]);
      HttpResponse<String> missing = http.get(MISSING, pair[0]);
      assertThat(hidden.statusCode()).isEqualTo(404).isEqualTo(missing.statusCode());
      assertThat(hidden.headers().firstValue("Content-Type"))
          .isEqualTo(missing.headers().firstValue("Content-Type"));
      assertThat(hidden.body()).isEqualTo(missing.body());
    }
    assertThat(http.get("/api3/activity/" + bobs, BOB).statusCode()).isEqualTo(200);
  }
}
