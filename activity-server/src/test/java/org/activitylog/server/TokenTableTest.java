package org.activitylog.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.activitylog.api.ActorRef;
import org.activitylog.api.ValidationException;
import org.activitylog.core.Requester;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("The token table reads a small strict format and never shows a token")
class TokenTableTest {
  static final String ALICE = "alice-0123456789abcdef";
  static final String BOB = "bob-0123456789abcdef==";

  static final String TABLE =
      """
      # token  name  readable  writable  [actor]

      %s\talice  1,2  1
        %s  bob  -  3  user:42
      """
          .formatted(ALICE, BOB);

  @Nested
  @DisplayName("Reading")
  class Reading {
    /** If this fails, check the field order and the group parsing in TokenTable.parse. */
    @Test
    @DisplayName("each line gives a requester; writable groups are readable; comments are skipped")
    void lines() {
      TokenTable table = TokenTable.parse(TABLE, "ACTIVITYLOG_TOKENS");
      assertThat(table.size()).isEqualTo(2);
      Requester alice = table.authenticate(ALICE).orElseThrow();
      assertThat(alice.name()).isEqualTo("alice");
      assertThat(alice.readableGroups()).isEqualTo(Set.of(1L, 2L));
      assertThat(alice.writableGroups()).isEqualTo(Set.of(1L));
      Requester bob = table.authenticate(BOB).orElseThrow();
      assertThat(bob.actor()).isEqualTo(ActorRef.user(42));
      assertThat(bob.readableGroups()).isEqualTo(Set.of(3L));
      assertThat(table.authenticate("alice-0123456789abcdeX")).isEmpty();
      assertThat(table.authenticate(ALICE.substring(1))).isEmpty();
    }

    /** If this fails, check the actor TokenTable.parse derives when the line has none. */
    @Test
    @DisplayName("without an actor, the same name gets the same member id, another name another")
    void derivedActor() {
      TokenTable one = TokenTable.parse(ALICE + " alice 1 1", "t");
      TokenTable two = TokenTable.parse(BOB + " alice 1 1\n" + ALICE + " carol 1 1", "t");
      ActorRef alice = one.authenticate(ALICE).orElseThrow().actor();
      assertThat(alice).isNotNull();
      assertThat(alice.kind()).isEqualTo(ActorRef.Kind.MEMBER);
      assertThat(two.authenticate(BOB).orElseThrow().actor()).isEqualTo(alice);
      assertThat(two.authenticate(ALICE).orElseThrow().actor()).isNotEqualTo(alice);
    }

    /** If this fails, check TokenTable.read and the --tokens handling in ServerConfig.parse. */
    @Test
    @DisplayName("--tokens reads a file; ACTIVITYLOG_TOKENS holds the lines; the flag wins")
    void sources(@TempDir Path dir) throws Exception {
      Path file = Files.writeString(dir.resolve("tokens"), ALICE + " alice 1 1\n");
      ServerConfig fromFile =
          ServerConfig.parse(
              new String[] {"--tokens=" + file},
              Map.of("ACTIVITYLOG_TOKENS", BOB + " bob 3 3")::get);
      assertThat(fromFile.tokens().authenticate(ALICE)).isPresent();
      assertThat(fromFile.tokens().authenticate(BOB)).isEmpty();
      ServerConfig fromEnv =
          ServerConfig.parse(new String[0], Map.of("ACTIVITYLOG_TOKENS", BOB + " bob 3 3")::get);
      assertThat(fromEnv.tokens().authenticate(BOB)).isPresent();
      assertThat(fromEnv.toString()).contains("tokens=1").doesNotContain(BOB);
      assertThat(ServerConfig.parse(new String[0], name -> null).tokens().size()).isZero();
    }
  }

  @Nested
  @DisplayName("Errors")
  class Errors {
    /** If this fails, check the checks in TokenTable.parse and that errors carry no value. */
    @ParameterizedTest
    @ValueSource(
        strings = {
          "SECRET-0123456789abcdef alice 1",
          "SECRET-0123456789abcdef alice 1 1 user:42 extra",
          "SECRET-0123456789abcdef al!ce 1 1",
          "SECRET-0123456789abcdef alice 1;2 1",
          "SECRET-0123456789abcdef alice 1 1,",
          "SECRET-0123456789abcdef alice 1 1 user:-1",
          "SECRET-0123456789abcdef alice 1 1 robot:7",
          "SECRET-short alice 1 1",
          "SECRET-0123456789abcdef\"x alice 1 1",
        })
    @DisplayName("a wrong line is an error naming the source and line, never echoing the token")
    void wrongLine(String line) {
      String table = "# first\n" + BOB + " bob 3 3\n" + line + "\n";
      assertThatThrownBy(() -> TokenTable.parse(table, "--tokens"))
          .isInstanceOf(ValidationException.class)
          .hasMessageStartingWith("--tokens line 3: ")
          .hasMessageNotContaining("SECRET")
          .hasMessageNotContaining(BOB);
    }

    /** If this fails, check the duplicate check in TokenTable.parse. */
    @Test
    @DisplayName("a token repeated names both lines, not the token")
    void repeated() {
      assertThatThrownBy(
              () -> TokenTable.parse(ALICE + " alice 1 1\n\n" + ALICE + " eve 2 2", "--tokens"))
          .hasMessage("--tokens line 3: repeats the token of line 1")
          .hasMessageNotContaining(ALICE);
    }

    /** If this fails, check TokenTable.read's error for a missing file. */
    @Test
    @DisplayName("a missing file is an error naming --tokens")
    void missingFile(@TempDir Path dir) {
      assertThatThrownBy(
              () ->
                  ServerConfig.parse(
                      new String[] {"--tokens", dir.resolve("none").toString()}, name -> null))
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining("--tokens must name a readable file");
    }
  }
}
