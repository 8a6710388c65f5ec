package org.activitylog.formats;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.activitylog.api.ActivityType;
import org.activitylog.api.NewActivity;
import org.activitylog.api.UserSimple;
import org.activitylog.formats.internal.JsonWire;

/**
 * The example payloads of both seed API documents, and the activities read from them.
 *
 * <p>The payloads are shipped once, as resources of this module under {@code
 * org/activitylog/formats/seeds/}: Brightidea's GET and LIST answers ({@code
 * brightidea-get-activity.json}, {@code brightidea-list-activity.json}) and AISquare's PUT body
 * ({@code aisquare-put-request.json}), as the seed documents show them, and AISquare's OpenAPI
 * document ({@code aisquare-activity-openapi.yaml}), reconstructed with its line breaks restored.
 * The testkit's seed activities, the server's demo data and this module's golden tests are all
 * built from these texts.
 *
 * <p>The Brightidea activities are read with {@link BrightideaFormat#json()}, so Brightidea's
 * zone-less times are UTC; read the texts with {@link BrightideaFormat#json(java.time.ZoneId)} for
 * another zone. AISquare's document shows no activity, only a PUT body: {@link #aisquareLogin}
 * takes that body's user and text, and fills every other field with values of its own.
 */
public final class SeedExamples {
  private static final String DIRECTORY = "seeds/";

  private SeedExamples() {}

  /** {@return the answer of Brightidea's GET example: one {@code POST_IDEA} activity} */
  public static String brightideaGetActivity() {
    return read("brightidea-get-activity.json");
  }

  /**
   * {@return the answer of Brightidea's LIST example ({@code
   * ?page_size=2&page=1&type=POST_UPDATE}): two {@code POST_UPDATE}s and stats {@code total} "5",
   * {@code page_count} 3, {@code current_page} 1}
   */
  public static String brightideaListActivity() {
    return read("brightidea-list-activity.json");
  }

  /** {@return the body of AISquare's {@code PUT /api/v1/activity/1/} example} */
  public static String aisquarePutRequest() {
    return read("aisquare-put-request.json");
  }

  /** {@return AISquare's OpenAPI document, which defines the {@code UserActivity} schema} */
  public static String aisquareOpenApi() {
    return read("aisquare-activity-openapi.yaml");
  }

  /**
   * {@return the activity of Brightidea's GET example, with every field it shows}
   *
   * @param workspaceGroupId the workspace group to record it in
   */
  public static NewActivity brightideaPostIdea(long workspaceGroupId) {
    return BrightideaFormat.json().readActivity(brightideaGetActivity(), workspaceGroupId);
  }

  /**
   * {@return the two activities of Brightidea's LIST example, in its order: an update with a
   * hi-five and a comment, then an update with an image attachment}
   *
   * @param workspaceGroupId the workspace group to record them in
   */
  public static List<NewActivity> brightideaUpdates(long workspaceGroupId) {
    return BrightideaFormat.json().readList(brightideaListActivity(), workspaceGroupId);
  }

  /**
   * {@return an AISquare {@code USER_LOGIN} by the user of the PUT example, with that example's
   * text, every {@code UserSimple} field set, a JSON resource and a derived workspace group}
   *
   * @param workspaceGroupId the workspace group to record it in
   */
  public static NewActivity aisquareLogin(long workspaceGroupId) {
    ObjectNode put = JsonWire.parseObject(aisquarePutRequest());
    String username = put.at("/user/username").asText();
    UserSimple user =
        UserSimple.builder(1, username, put.at("/user/email").asText())
            .fullName("John Doe")
            .isSuperuser(false)
            .isStaff(false)
            .isActive(true)
            .isVerified(true)
            .profilePicture("https://example.com/media/profile/" + username + ".png")
            .build();
    return NewActivity.builder(ActivityType.USER_LOGIN, user)
        .uid(UUID.fromString("5f0c2a52-8a0e-4c39-9d51-7f0e3c1f2b11"))
        .createdAt(Instant.parse("2026-01-01T09:30:00.123456Z"))
        .createdBy(username)
        .workspaceGroupId(workspaceGroupId)
        .derivedWorkspaceGroupId(workspaceGroupId)
        .text(put.at("/text").asText())
        .resource(
            Map.of(
                "ip",
                "192.168.1.10",
                "client",
                Map.of("agent", "Mozilla/5.0", "mfa", true, "score", 0.97),
                "tags",
                List.of("web", "eu-west"),
                "previous",
                Map.of()))
        .build();
  }

  private static String read(String name) {
    try (InputStream in = SeedExamples.class.getResourceAsStream(DIRECTORY + name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + DIRECTORY + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
