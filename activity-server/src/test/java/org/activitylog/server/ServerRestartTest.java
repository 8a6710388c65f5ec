package org.activitylog.server;

import static org.activitylog.server.ServerClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The server keeps its data across restarts")
class ServerRestartTest {
  @TempDir Path dataDir;

  ServerConfig config(String token) {
    return ServerConfig.parse(
        new String[] {"--port", "0", "--data-dir", dataDir.toString(), "--demo-token", token},
        name -> null);
  }

  @Test
  @DisplayName(
      "the demo data is created once; changes survive a restart; a closed server refuses requests")
  void restart() {
    String total;
    try (ActivityServer first = ActivityServer.start(config("one"))) {
      ServerClient http = new ServerClient(first.uri());
      total = json(http.get("/api3/activity", "one")).path("stats").path("total").asText();
      assertThat(Integer.parseInt(total)).isGreaterThan(100);
      assertThat(
              http.send(
                      "PUT",
                      "/api/v1/activity/1/",
                      "one",
                      "application/json",
                      "{\"text\":\"kept\"}")
                  .statusCode())
          .isEqualTo(200);
      first.close();
      assertThatThrownBy(() -> http.get("/api3/activity", "one"))
          .isInstanceOf(UncheckedIOException.class);
    }
    try (ActivityServer second = ActivityServer.start(config("two"))) {
      ServerClient http = new ServerClient(second.uri());
      assertThat(json(http.get("/api3/activity", "two")).path("stats").path("total").asText())
          .isEqualTo(total);
      assertThat(json(http.get("/api/v1/activity/1/", "two")).path("text").asText())
          .isEqualTo("kept");
      assertThat(http.get("/api3/activity", "one").statusCode()).isEqualTo(401);
    }
  }
}
