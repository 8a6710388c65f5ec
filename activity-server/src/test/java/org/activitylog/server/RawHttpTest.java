package org.activitylog.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Over a raw socket, every answer is the API's, malformed requests included")
class RawHttpTest {
  static final String TOKEN = "raw-http-token";
  static final ObjectMapper MAPPER = new ObjectMapper();

  @TempDir static Path dataDir;
  static ActivityServer server;

  @BeforeAll
  static void start() {
    server =
        ActivityServer.start(
            ServerConfig.parse(
                new String[] {
                  "--port", "0", "--data-dir", dataDir.toString(), "--demo-token", TOKEN
                },
                name -> null));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** One exchange on a fresh connection that the server closes after answering. */
  record Answer(int status, Map<String, String> headers, byte[] body) {
    String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }

    JsonNode json() throws IOException {
      return MAPPER.readTree(body);
    }
  }

  static Answer exchange(String request) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      socket.shutdownOutput();
      InputStream in = socket.getInputStream();
      byte[] all = in.readAllBytes();
      String text = new String(all, StandardCharsets.ISO_8859_1);
      int end = text.indexOf("\r\n\r\n");
      assertThat(end).as(text).isPositive();
      String[] lines = text.substring(0, end).split("\r\n", -1);
      int status = Integer.parseInt(lines[0].split(" ", 3)[1]);
      Map<String, String> headers = new LinkedHashMap<>();
      for (int i = 1; i < lines.length; i++) {
        int colon = lines[i].indexOf(':');
        headers.put(
            lines[i].substring(0, colon).toLowerCase(Locale.ROOT),
            lines[i].substring(colon + 1).strip());
      }
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      body.write(all, end + 4, all.length - end - 4);
      return new Answer(status, headers, body.toByteArray());
    }
  }

  static String get(String target, String... headers) {
    StringBuilder request = new StringBuilder("GET " + target + " HTTP/1.1\r\nHost: test\r\n");
    for (String header : headers) {
      request.append(header).append("\r\n");
    }
    return request.append("Connection: close\r\n\r\n").toString();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "GET /api3/activity|x HTTP/1.1\r\nHost: test\r\n\r\n",
        "GET /api3/{activity} HTTP/1.1\r\nHost: test\r\n\r\n",
        "GET /api3/activity/%zz HTTP/1.1\r\nHost: test\r\n\r\n",
        "GET /api3/activity/%2e%2e/x HTTP/1.1\r\nHost: test\r\n\r\n",
        "GET /a\u0001b HTTP/1.1\r\nHost: test\r\n\r\n",
        "NOT A REQUEST LINE\r\n\r\n",
        "GET /api3/activity HTTP/9.9\r\nHost: test\r\n\r\n",
        "GET /api3/activity HTTP/1.1\r\nHost: test\r\nBad Header\r\n\r\n",
      })
  @DisplayName("a request the HTTP layer refuses is answered with the API's JSON error body")
  void malformed(String request) throws IOException {
    Answer answer = exchange(request);
    assertThat(answer.status()).isBetween(400, 599);
    assertThat(answer.header("Content-Type")).isEqualTo("application/json; charset=UTF-8");
    assertThat(answer.json().path("error").path("message").asText()).isNotBlank();
    assertThat(new String(answer.body(), StandardCharsets.UTF_8)).doesNotContain("<");
  }

  @Test
  @DisplayName("headers too large are answered with the API's JSON error body")
  void headersTooLarge() throws IOException {
    Answer answer = exchange(get("/api3/activity", "X-Big: " + "a".repeat(64 * 1024)));
    assertThat(answer.status()).isEqualTo(431);
    assertThat(answer.header("Content-Type")).isEqualTo("application/json; charset=UTF-8");
    assertThat(answer.json().path("error").path("message").asText()).isNotBlank();
  }

  @Test
  @DisplayName("a raw { in the query reaches the API, which answers it")
  void braceInQuery() throws IOException {
    Answer answer = exchange(get("/api3/activity?order={", "Authorization: Bearer " + TOKEN));
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.json().path("error").path("field").asText()).isEqualTo("order");
  }

  @Test
  @DisplayName("HEAD answers GET's status and headers, its Content-Length, and no body")
  void head() throws IOException {
    String target = "/api3/activity?page_size=3";
    Answer got = exchange(get(target, "Authorization: Bearer " + TOKEN));
    Answer head =
        exchange(get(target, "Authorization: Bearer " + TOKEN).replaceFirst("GET", "HEAD"));
    assertThat(head.status()).isEqualTo(200);
    assertThat(head.header("Content-Type")).isEqualTo(got.header("Content-Type"));
    assertThat(head.header("Content-Length")).isEqualTo(String.valueOf(got.body().length));
    assertThat(head.body()).isEmpty();
  }

  @Test
  @DisplayName("a matching If-None-Match is a 304 with the ETag and no body")
  void notModified() throws IOException {
    Answer got = exchange(get("/api/v1/activity/1/", "Authorization: Bearer " + TOKEN));
    String etag = got.header("ETag");
    Answer answer =
        exchange(
            get("/api/v1/activity/1/", "Authorization: Bearer " + TOKEN, "If-None-Match: " + etag));
    assertThat(answer.status()).isEqualTo(304);
    assertThat(answer.header("ETag")).isEqualTo(etag);
    assertThat(answer.header("Content-Length")).isEqualTo(String.valueOf(got.body().length));
    assertThat(answer.body()).isEmpty();
  }

  @Test
  @DisplayName("a port already in use is an UncheckedIOException naming the address")
  void portInUse(@TempDir Path otherDir) {
    ServerConfig config =
        ServerConfig.parse(
            new String[] {
              "--port", String.valueOf(server.port()), "--data-dir", otherDir.toString()
            },
            name -> null);
    assertThatThrownBy(() -> ActivityServer.start(config).close())
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("cannot listen on 127.0.0.1:" + server.port());
  }

  @Test
  @DisplayName("a 204 carries no Content-Length and no body")
  void noContent() throws IOException {
    // Not id 1, which other tests read: the first other id the AISquare endpoint serves.
    int id = 2;
    while (exchange(get("/api/v1/activity/" + id + "/", "Authorization: Bearer " + TOKEN)).status()
        != 200) {
      id++;
    }
    Answer answer =
        exchange(
            get("/api/v1/activity/" + id + "/", "Authorization: Bearer " + TOKEN)
                .replaceFirst("GET", "DELETE"));
    assertThat(answer.status()).isEqualTo(204);
    assertThat(answer.header("Content-Length")).isNull();
    assertThat(answer.body()).isEmpty();
  }
}
