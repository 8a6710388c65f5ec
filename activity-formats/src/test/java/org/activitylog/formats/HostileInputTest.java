package org.activitylog.formats;

import static org.activitylog.formats.ValidationErrorsTest.thrown;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.activitylog.api.ActivityType;
import org.activitylog.api.JsonValue;
import org.activitylog.api.NewActivity;
import org.activitylog.api.UserSimple;
import org.activitylog.api.ValidationException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Input built to crash the readers or to be stored as something else than was sent. */
@DisplayName("Hostile input")
class HostileInputTest {
  private static final String USER =
      "\"user\":{\"id\":1,\"username\":\"u\",\"email\":\"u@example.org\"}";
  private static final AisquareJson AISQUARE = AisquareJson.create();
  private static final BrightideaFormat BRIGHTIDEA = BrightideaFormat.json();

  private static String body(String extra) {
    return "{\"activity_type\":\"100\",\"workspace_group_id\":1," + USER + "," + extra + "}";
  }

  @Nested
  @DisplayName("numbers")
  class Numbers {
    @ParameterizedTest(name = "{0} in {1}")
    @CsvSource(
        delimiter = '|',
        value = {
          "1e-2147483648|\"unknown\":1e-2147483648|unknown",
          "1e2147483647|\"resource\":{\"a\":{\"b\":1e2147483647}}|resource.a.b",
          "1e9223372036854775807|\"resource\":[1,1e9223372036854775807]|resource[1]",
          "1e400|\"resource\":1e400|resource",
          "-1e400|\"x\":{\"y\":[-1e400]}|x.y[0]",
          "1e-400|\"resource\":{\"tiny\":1e-400}|resource.tiny",
          "0e-2147483647|\"resource\":0e-2147483647|resource"
        })
    @DisplayName("a number a double cannot hold is refused naming its path, wherever it stands")
    void outOfRange(String number, String member, String field) {
      ValidationException e = thrown(() -> AISQUARE.readNew(body(member)));

      assertThat(e.field()).isEqualTo(field);
      assertThat(e.rule()).contains("double");
      ValidationErrorsTest.assertSafe(e);
    }

    @Test
    @DisplayName("a user id of 1e9223372036854775807 is refused naming user.id")
    void hugeUserId() {
      ValidationException e =
          thrown(() -> AISQUARE.readNew("{\"user\":{\"id\":1e9223372036854775807}}"));

      assertThat(e.field()).isEqualTo("user.id");
    }

    @Test
    @DisplayName("an id beyond a long names the range")
    void idBeyondLong() {
      ValidationException e =
          thrown(() -> AISQUARE.readNew(body("\"workspace_group\":9223372036854775808")));

      assertThat(e.field()).isEqualTo("workspace_group");
      assertThat(e.rule()).contains("9223372036854775807");
    }

    @Test
    @DisplayName("Brightidea bodies are bounded the same way")
    void brightidea() {
      ValidationException e =
          thrown(() -> BRIGHTIDEA.readActivity("{\"activity\":{\"x\":1e-2147483648}}", 1));

      // The document's own path: the wrapper is part of it.
      assertThat(e.field()).isEqualTo("activity.x");
    }

    @Test
    @DisplayName("numbers at a double's limits are kept exactly")
    void limitsAreKept() {
      NewActivity read =
          AISQUARE.readNew(
              body(
                  "\"resource\":[1.7976931348623157e308,-1e-308,0.000,1.50,123456789012345678901]"));

      assertThat(read.content().resource().toJson())
          .isEqualTo("[1.7976931348623157E+308,-1E-308,0.000,1.50,123456789012345678901]");
    }

    @Test
    @DisplayName("the model refuses the same numbers, naming their path")
    void model() {
      ValidationException e =
          thrown(() -> JsonValue.of(Map.of("a", List.of(new BigDecimal("1e400")))));

      assertThat(e.field()).isEqualTo("resource.a[0]");
    }
  }

  @Nested
  @DisplayName("unpaired surrogates")
  class Surrogates {
    @ParameterizedTest(name = "{1}")
    @CsvSource(
        delimiter = '|',
        value = {
          "\"text\":\"a\\ud800b\"|text",
          "\"text\":\"a\\udc00\"|text",
          "\"resource\":{\"k\":[\"\\ud800\"]}|resource.k[0]"
        })
    @DisplayName("text with a lone surrogate is refused naming the field")
    void aisquare(String member, String field) {
      ValidationException e = thrown(() -> AISQUARE.readNew(body(member)));

      assertThat(e.field()).isEqualTo(field);
      assertThat(e.rule()).contains("surrogate");
    }

    @Test
    @DisplayName("a lone surrogate in the user's name is refused naming user.full_name")
    void userName() {
      String user =
          "{\"activity_type\":\"100\",\"workspace_group_id\":1,\"user\":{\"id\":1,"
              + "\"username\":\"u\",\"email\":\"u@example.org\",\"full_name\":\"\\ud83d\"}}";

      assertThat(thrown(() -> AISQUARE.readNew(user)).field()).isEqualTo("user.full_name");
    }

    @Test
    @DisplayName("a Brightidea member's name with a lone surrogate is refused")
    void member() {
      String activity =
          "{\"activity\":{\"type\":\"POST_IDEA\",\"id\":\"D2136C62-B65E-40D2-ABD2-873AEF120514\","
              + "\"member\":{\"id\":\"B471BFED-BCC2-49CC-A917-5F09AA73EEB3\","
              + "\"screen_name\":\"x\\ud800\"}}}";

      assertThat(thrown(() -> BRIGHTIDEA.readActivity(activity, 1)).field())
          .isEqualTo("member.screen_name");
    }

    @Test
    @DisplayName("a pair is kept")
    void pairIsKept() {
      NewActivity read = AISQUARE.readNew(body("\"text\":\"a\\ud83d\\ude00b\""));

      assertThat(read.content().text()).isEqualTo("a\uD83D\uDE00b");
    }

    @Test
    @DisplayName("the builders refuse it too, so the facade and the recorder do")
    void builders() {
      UserSimple user = UserSimple.of(1, "u", "u@example.org");

      assertThat(
              thrown(
                      () ->
                          NewActivity.builder(ActivityType.USER_LOGIN, user)
                              .workspaceGroupId(1)
                              .text("a\uD800b")
                              .build())
                  .field())
          .isEqualTo("text");
      assertThat(thrown(() -> JsonValue.of(Map.of("k", "\uDC00"))).field()).isEqualTo("resource.k");
      assertThat(thrown(() -> JsonValue.of(Map.of("a", Map.of("\uDC00", 1)))).field())
          .isEqualTo("resource.a");
    }
  }

  @Nested
  @DisplayName("profile pictures")
  class ProfilePictures {
    @ParameterizedTest(name = "{0}")
    @CsvSource({
      "javascript:alert(1)",
      "JavaScript:alert(1)",
      "data:image/png;base64,AAAA",
      "/media/p.png",
      "//evil.example/p.png",
      "file:///etc/passwd",
      "https://",
      "httpſ://example.com/p.png"
    })
    @DisplayName("anything but an absolute http(s) URL is refused naming user.profile_picture")
    void refused(String url) {
      String user =
          "{\"activity_type\":\"100\",\"workspace_group_id\":1,\"user\":{\"id\":1,"
              + "\"username\":\"u\",\"email\":\"u@example.org\",\"profile_picture\":\""
              + url
              + "\"}}";

      ValidationException e = thrown(() -> AISQUARE.readNew(user));

      assertThat(e.field()).isEqualTo("user.profile_picture");
      assertThat(e.rule()).contains("http");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"https://example.com/media/p.png", "HTTP://example.com/p.png?size=64"})
    @DisplayName("an absolute http(s) URL is kept")
    void kept(String url) {
      UserSimple user = UserSimple.builder(1, "u", "u@example.org").profilePicture(url).build();

      assertThat(user.profilePicture()).isEqualTo(url);
    }
  }
}
