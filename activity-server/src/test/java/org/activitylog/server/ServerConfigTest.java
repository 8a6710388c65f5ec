package org.activitylog.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Map;
import org.activitylog.api.ValidationException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("ServerConfig reads flags, then environment variables, then defaults")
class ServerConfigTest {
  static ServerConfig parse(Map<String, String> env, String... args) {
    return ServerConfig.parse(args, env::get);
  }

  @Test
  @DisplayName(
      "with nothing set it listens on 127.0.0.1:8080, privately, on H2 under ./activity-data")
  void defaults() {
    ServerConfig config = parse(Map.of());
    assertThat(config.host()).isEqualTo("127.0.0.1");
    assertThat(config.port()).isEqualTo(8080);
    assertThat(config.dataDir()).isEqualTo(Path.of("activity-data"));
    assertThat(config.jdbcUrl()).isNull();
    assertThat(config.publicSite()).isFalse();
    assertThat(config.demoData()).isTrue();
    assertThat(config.demoToken())
        .as("the seed's example token, so its example request works on the demo data")
        .isEqualTo("85f7b2462570acdde9a458ba6495b8763dcd040c");
    assertThat(config.zone()).isEqualTo(ZoneId.of("UTC"));
    assertThat(config.threads()).isEqualTo(8);
    assertThat(config.help()).isFalse();
  }

  @Test
  @DisplayName("flags in both forms win over environment variables")
  void flagsWin() {
    ServerConfig config =
        parse(
            Map.of(
                "ACTIVITYLOG_PORT",
                "9000",
                "ACTIVITYLOG_ZONE",
                "Europe/Paris",
                "ACTIVITYLOG_ACCESS",
                "public"),
            "--port=9100",
            "--demo-token",
            "t0k",
            "--jdbc-url",
            "jdbc:postgresql://db/app");
    assertThat(config.port()).isEqualTo(9100);
    assertThat(config.demoToken()).isEqualTo("t0k");
    assertThat(config.zone()).isEqualTo(ZoneId.of("Europe/Paris"));
    assertThat(config.publicSite()).isTrue();
    assertThat(config.jdbcUrl()).isEqualTo("jdbc:postgresql://db/app");
  }

  @Test
  @DisplayName("--help is recognised anywhere")
  void help() {
    assertThat(parse(Map.of(), "--port", "1", "--help").help()).isTrue();
    assertThat(ServerConfig.USAGE).contains("--jdbc-url").contains("ACTIVITYLOG_DEMO_TOKEN");
  }

  @Test
  @DisplayName("a bad value or an unknown flag is an error naming the flag")
  void errors() {
    assertThatThrownBy(() -> parse(Map.of(), "--port", "70000"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("--port");
    assertThatThrownBy(() -> parse(Map.of(), "--access", "open")).hasMessageContaining("--access");
    assertThatThrownBy(() -> parse(Map.of(), "--zone", "Mars/Olympus"))
        .hasMessageContaining("--zone");
    assertThatThrownBy(() -> parse(Map.of(), "--colour", "blue")).hasMessageContaining("--colour");
    assertThatThrownBy(() -> parse(Map.of(), "--port")).hasMessageContaining("needs a value");
    assertThatThrownBy(() -> parse(Map.of("ACTIVITYLOG_THREADS", "0")))
        .hasMessageContaining("--threads");
  }

  @Test
  @DisplayName("toString never shows the password or the demo token")
  void toStringMasksSecrets() {
    ServerConfig config =
        parse(
            Map.of(),
            "--jdbc-url",
            "jdbc:h2:mem:x",
            "--jdbc-password",
            "hunter2",
            "--demo-token",
            "s3cret");
    assertThat(config.toString()).doesNotContain("hunter2").doesNotContain("s3cret");
  }

  @Test
  @DisplayName("without demo data the default token is random, never the seed's public one")
  void noDemoDataMeansRandomToken() {
    ServerConfig config = parse(Map.of("ACTIVITYLOG_DEMO_DATA", "false"));
    assertThat(config.demoToken())
        .matches("[0-9a-f]{40}")
        .isNotEqualTo(ServerConfig.SEED_EXAMPLE_TOKEN);
  }
}
