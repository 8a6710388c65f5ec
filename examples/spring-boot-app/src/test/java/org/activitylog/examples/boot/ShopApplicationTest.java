package org.activitylog.examples.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.activitylog.recorder.ActivityRecorder;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The shop on its embedded server, on a random port, asked with the JDK's HTTP client as any
 * client would: what it records through the auto-configured recorder is served by its own feed and
 * by the seed endpoints, anonymous requests are refused, and Actuator shows activitylog's health
 * and meters.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ShopApplicationTest {
  private static final Duration WAIT = Duration.ofSeconds(10);

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(WAIT).build();

  @Value("${local.server.port}")
  int port;

  @Autowired ActivityRecorder recorder;

  private HttpResponse<String> send(HttpRequest.Builder request)
      throws IOException, InterruptedException {
    return http.send(request.timeout(WAIT).build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest.Builder at(String path) {
    return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
  }

  /**
   * If this fails, check that the starter's recorder writes to the store the facade reads, and
   * that ActivityHttpServlet is registered under /activitylog/* with the demo token.
   */
  @Test
  @DisplayName("A sign-in recorded through the recorder is listed by the feed and served by the seed endpoint")
  void recordThenList() throws Exception {
    HttpResponse<String> signIn =
        send(at("/shop/users/42/sign-in").POST(HttpRequest.BodyPublishers.noBody()));
    assertThat(signIn.statusCode()).isEqualTo(200);
    assertThat(signIn.body()).contains("\"status\":\"QUEUED\"");
    assertThat(recorder.flush(WAIT)).isTrue();

    HttpResponse<String> feed = send(at("/shop/users/42/feed").GET());
    assertThat(feed.statusCode()).isEqualTo(200);
    assertThat(feed.body()).contains("signed in to the shop");

    Matcher id = Pattern.compile("\"id\":(\\d+)").matcher(feed.body());
    assertThat(id.find()).as("an id in %s", feed.body()).isTrue();

    HttpResponse<String> seed =
        send(
            at("/activitylog/api/v1/activity/" + id.group(1) + "/")
                .header("Authorization", "Bearer demo-token")
                .GET());
    assertThat(seed.statusCode()).as(seed.body()).isEqualTo(200);
    assertThat(seed.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
    assertThat(seed.body()).contains("signed in to the shop");
  }

  /** If this fails, check the authenticator given to ActivityHttpApi: a private site. */
  @Test
  @DisplayName("The seed endpoint answers 401 to a request without a token")
  void anonymousIsRefused() throws Exception {
    HttpResponse<String> anonymous = send(at("/activitylog/api3/activity").GET());
    assertThat(anonymous.statusCode()).isEqualTo(401);
  }

  /** If this fails, check the starter's health indicator and the actuator exposure settings. */
  @Test
  @DisplayName("Actuator's health is UP and includes activitylog's indicator")
  void healthIsUp() throws Exception {
    HttpResponse<String> health = send(at("/actuator/health").GET());
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body())
        .contains("\"activityLog\":{")
        .endsWith("\"status\":\"UP\"}");
  }

  /** If this fails, check that the starter's ActivityRecorderMetrics bean is bound by Boot. */
  @Test
  @DisplayName("Actuator's metrics list the recorder's and the store's meters")
  void metricsAreListed() throws Exception {
    HttpResponse<String> metrics = send(at("/actuator/metrics").GET());
    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.body())
        .contains("\"activitylog.recorder.activities.accepted\"")
        .contains("\"activitylog.recorder.queue.depth\"")
        .contains("\"activitylog.store.calls\"");

    HttpResponse<String> accepted =
        send(at("/actuator/metrics/activitylog.recorder.activities.accepted?tag=recorder:shop").GET());
    assertThat(accepted.statusCode()).isEqualTo(200);
  }
}
