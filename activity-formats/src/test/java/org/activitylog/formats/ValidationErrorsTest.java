package org.activitylog.formats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.activitylog.api.ValidationException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every wrong input is a {@link ValidationException} naming the field by its wire name and the
 * rule, never echoing more than a short prefix of the input or anything of the parser's internals.
 */
@DisplayName("Errors on wrong input")
class ValidationErrorsTest {
  private static final String USER =
      "\"user\":{\"id\":1,\"username\":\"u\",\"email\":\"u@example.org\"}";
  private static final String VALID_AISQUARE =
      "{\"activity_type\":\"100\",\"workspace_group_id\":1," + USER + "}";

  private static final AisquareJson AISQUARE = AisquareJson.create();
  private static final BrightideaFormat BRIGHTIDEA = BrightideaFormat.json();

  static ValidationException thrown(Executable call) {
    try {
      call.execute();
    } catch (ValidationException e) {
      return e;
    } catch (Throwable t) {
      throw new AssertionError("expected a ValidationException, got " + t, t);
    }
    throw new AssertionError("expected a ValidationException, nothing was thrown");
  }

  static void assertSafe(ValidationException e) {
    assertThat(e.getMessage())
        .doesNotContainIgnoringCase("jackson")
        .doesNotContain("com.fasterxml")
        .doesNotContain("java.")
        .doesNotContain("Exception")
        .hasSizeLessThan(300);
  }

  @Nested
  @DisplayName("malformed bodies")
  class Malformed {
    static Stream<Arguments> bodies() {
      return Stream.of(
          Arguments.of("empty", ""),
          Arguments.of("blank", "  \n "),
          Arguments.of("truncated", "{\"activity_type\": \"100\""),
          Arguments.of("a bare word", "SECRET-TOKEN-abc123"),
          Arguments.of("single quotes", "{'text': 'x'}"),
          Arguments.of("a comment", "{/* hi */}"),
          Arguments.of("trailing garbage", "{} {\"again\": 1}"),
          Arguments.of("duplicate keys", "{\"text\": \"a\", \"text\": \"b\"}"),
          Arguments.of("NaN", "{\"resource\": NaN}"),
          Arguments.of("an array", "[1, 2]"),
          Arguments.of("a string", "\"just text\""),
          Arguments.of("a number", "42"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bodies")
    @DisplayName("a body that is not one well-formed JSON object names body and leaks nothing")
    void malformedJson(String label, String body) {
      for (Executable call :
          new Executable[] {
            () -> AISQUARE.readNew(body),
            () -> AISQUARE.readActivity(body),
            () -> BRIGHTIDEA.readActivity(body, 1),
            () -> BRIGHTIDEA.readList(body, 1)
          }) {
        ValidationException e = thrown(call);
        assertThat(e.field()).isEqualTo("body");
        assertSafe(e);
        assertThat(e.getMessage()).doesNotContain("SECRET").doesNotContain("again");
      }
    }

    @Test
    @DisplayName("the position of a syntax error is given by line and column")
    void positionIsGiven() {
      ValidationException e = thrown(() -> AISQUARE.readNew("{\n  \"text\": tru\n}"));

      assertThat(e.getMessage()).contains("line 2");
    }

    @Test
    @DisplayName("a body over the size limit is refused before it is parsed")
    void tooLargeBody() {
      String body = "{\"text\":\"" + "x".repeat(AisquareJson.MAX_BODY_CHARS) + "\"}";

      ValidationException e = thrown(() -> AISQUARE.readNew(body));

      assertThat(e.field()).isEqualTo("body");
      assertThat(e.rule()).contains("at most " + AisquareJson.MAX_BODY_CHARS);
      assertSafe(e);
    }

    @Test
    @DisplayName("nesting deeper than the limit is refused")
    void tooDeep() {
      String body = "{\"resource\":" + "[".repeat(200) + "]".repeat(200) + "}";

      ValidationException e = thrown(() -> AISQUARE.readNew(body));

      assertThat(e.field()).isEqualTo("body");
      assertSafe(e);
    }

    @Test
    @DisplayName("a number with thousands of digits is refused")
    void hugeNumber() {
      String body = "{\"resource\":" + "9".repeat(5_000) + "}";

      ValidationException e = thrown(() -> AISQUARE.readNew(body));

      assertThat(e.field()).isEqualTo("body");
      assertSafe(e);
    }
  }

  @Nested
  @DisplayName("AISquare fields")
  class AisquareFields {
    static Stream<Arguments> cases() {
      String longText = "\"" + "t".repeat(10_001) + "\"";
      String bigResource = "\"" + "r".repeat(70_000) + "\"";
      return Stream.of(
          Arguments.of("{\"text\":5}", "text", "must be a string"),
          Arguments.of("{\"text\":" + longText + "}", "text", "at most 10000"),
          Arguments.of("{\"activity_type\":\"999\"}", "activity_type", "known activity code"),
          Arguments.of("{\"activity_type\":true}", "activity_type", "code"),
          Arguments.of("{\"workspace_group_id\":\"1\"}", "workspace_group_id", "whole number"),
          Arguments.of("{\"workspace_group_id\":1.5}", "workspace_group_id", "whole number"),
          Arguments.of(
              "{\"workspace_group_id\":99999999999999999999}",
              "workspace_group_id",
              "whole number"),
          Arguments.of("{\"workspace_group_id\":-1}", "workspace_group_id", "zero or more"),
          Arguments.of("{\"workspace_group\":[1]}", "workspace_group", "whole number"),
          Arguments.of("{\"uid\":\"not-a-uuid\"}", "uid", "UUID"),
          Arguments.of("{\"uid\":\"1-1-1-1-1\"}", "uid", "UUID"),
          Arguments.of("{\"created_at\":\"yesterday\"}", "created_at", "ISO-8601"),
          Arguments.of("{\"created_at\":\"2026-01-01T09:30:00\"}", "created_at", "offset"),
          Arguments.of("{\"created_by\":7}", "created_by", "must be a string"),
          Arguments.of("{\"resource\":" + bigResource + "}", "resource", "at most 65536"),
          Arguments.of(
              "{\"resource\":" + "[".repeat(40) + "]".repeat(40) + "}", "resource", "nest"),
          Arguments.of("{\"user\":\"johndoe\"}", "user", "must be an object"),
          Arguments.of("{\"user\":{\"id\":1,\"username\":\"u\"}}", "user.email", "required"),
          Arguments.of(
              "{\"user\":{\"id\":1,\"username\":\"u\",\"email\":\"not an email\"}}",
              "user.email",
              "e-mail"),
          Arguments.of(
              "{\"user\":{\"id\":1,\"username\":\"bad name!\",\"email\":\"u@example.org\"}}",
              "user.username",
              "letters, digits"),
          Arguments.of(
              "{\"user\":{\"id\":1,\"username\":\""
                  + "u".repeat(151)
                  + "\",\"email\":\"u@e.org\"}}",
              "user.username",
              "150"),
          Arguments.of(
              "{\"user\":{\"id\":-3,\"username\":\"u\",\"email\":\"u@example.org\"}}",
              "user.id",
              "zero or more"),
          Arguments.of(
              "{\"user\":{\"id\":1,\"username\":\"u\",\"email\":\"u@example.org\","
                  + "\"is_staff\":\"yes\"}}",
              "user.is_staff",
              "true or false"),
          Arguments.of(
              "{\"member\":{\"id\":\"b471bfed-bcc2-49cc-a917-5f09aa73eeb3\"}," + USER + "}",
              "user",
              "together"),
          Arguments.of(
              "{\"user\":null,\"member\":{\"email\":\"m@example.org\"}}", "member.id", "required"),
          Arguments.of(
              "{\"user\":null,\"member\":{\"id\":\"b471bfed-bcc2-49cc-a917-5f09aa73eeb3\","
                  + "\"date_created\":\"2013-04-18 11:27:48.537\"}}",
              "member.date_created",
              "ISO-8601"));
    }

    @ParameterizedTest(name = "{1} in {0}")
    @MethodSource("cases")
    @DisplayName("a wrong value names its field and the rule")
    void wrongValue(String override, String field, String rule) {
      String body = merge(VALID_AISQUARE, override);

      ValidationException e = thrown(() -> AISQUARE.readNew(body));

      assertThat(e.field()).isEqualTo(field);
      assertThat(e.rule()).contains(rule);
      assertSafe(e);
    }

    @Test
    @DisplayName("a missing actor names user")
    void missingActor() {
      ValidationException e =
          thrown(() -> AISQUARE.readNew("{\"activity_type\":\"100\",\"workspace_group_id\":1}"));

      assertThat(e.field()).isEqualTo("user");
    }

    @Test
    @DisplayName("a long rejected value is echoed only as a short prefix")
    void longValueShortPrefix() {
      String email = "a".repeat(5_000) + "@";
      String body =
          "{\"activity_type\":\"100\",\"workspace_group_id\":1,"
              + "\"user\":{\"id\":1,\"username\":\"u\",\"email\":\""
              + email
              + "\"}}";

      ValidationException e = thrown(() -> AISQUARE.readNew(body));

      assertThat(e.field()).isEqualTo("user.email");
      assertThat(e.getMessage()).hasSizeLessThan(200);
    }
  }

  @Nested
  @DisplayName("Brightidea fields")
  class BrightideaFields {
    private static final String MEMBER =
        "\"member\":{\"id\":\"B471BFED-BCC2-49CC-A917-5F09AA73EEB3\"}";

    static Stream<Arguments> cases() {
      return Stream.of(
          Arguments.of("{\"type\":\"POST_NOTHING\"}", "type", "known activity type"),
          Arguments.of("{\"type\":7}", "type", "must be a string"),
          Arguments.of("{\"id\":\"D2136C62\"}", "id", "UUID"),
          Arguments.of("{\"date_created\":\"04/18/2013\"}", "date_created", "2013-04-18"),
          Arguments.of("{\"date_created\":\"2013-02-30 10:00:00.000\"}", "date_created", "2013"),
          Arguments.of("{\"campaign_id\":\"x\"}", "campaign_id", "UUID"),
          Arguments.of("{\"campaign_name\":\"Lost\"}", "campaign_name", "campaign_id"),
          Arguments.of("{\"anonymous\":\"false\"}", "anonymous", "true or false"),
          Arguments.of("{\"team_submission\":1}", "team_submission", "true or false"),
          Arguments.of("{\"hifive\":{}}", "hifive", "an array"),
          Arguments.of("{\"hifive\":[\"x\"]}", "hifive[0]", "an object"),
          Arguments.of(
              "{\"hifive\":[{\"date_created\":\"soon\"}]}", "hifive[0].date_created", "date-time"),
          Arguments.of(
              "{\"comments\":[{},{\"member\":{\"id\":\"866144B1-E302-42EF-AF80-75DE988885AE\","
                  + "\"email\":\"nope\"}}]}",
              "comments[1].member.email",
              "e-mail"),
          Arguments.of(
              "{\"comments\":[{\"comment\":\"" + "c".repeat(10_001) + "\"}]}",
              "comments[0].comment",
              "at most"),
          Arguments.of("{\"attachment\":[]}", "attachment", "an object"),
          Arguments.of("{\"attachment\":{\"url\":5}}", "attachment.url", "must be a string"),
          Arguments.of("{\"member\":{\"id\":\"B471BFED\"}}", "member.id", "UUID"),
          Arguments.of(
              "{\"member\":{\"id\":\"B471BFED-BCC2-49CC-A917-5F09AA73EEB3\",\"active\":\"yes\"}}",
              "member.active",
              "true or false"));
    }

    @ParameterizedTest(name = "{1} in {0}")
    @MethodSource("cases")
    @DisplayName("a wrong value names its field and the rule")
    void wrongValue(String override, String field, String rule) {
      String body =
          "{\"activity\":" + merge("{\"type\":\"POST_UPDATE\"," + MEMBER + "}", override) + "}";

      ValidationException e = thrown(() -> BRIGHTIDEA.readActivity(body, 1));

      assertThat(e.field()).isEqualTo(field);
      assertThat(e.rule()).contains(rule);
      assertSafe(e);
    }

    @Test
    @DisplayName("a body without activity names activity; a list without activity_list names it")
    void missingWrapper() {
      assertThat(thrown(() -> BRIGHTIDEA.readActivity("{\"type\":\"POST_IDEA\"}", 1)).field())
          .isEqualTo("activity");
      assertThat(thrown(() -> BRIGHTIDEA.readList("{\"stats\":{}}", 1)).field())
          .isEqualTo("activity_list");
      assertThat(
              thrown(() -> BRIGHTIDEA.readList("{\"activity_list\":[{\"type\":\"X\"}]}", 1))
                  .field())
          .isEqualTo("activity_list[0].type");
    }

    @Test
    @DisplayName("an unknown format name names format")
    void unknownFormat() {
      ValidationException e =
          thrown(() -> BrightideaFormat.forName("yaml", BrightideaFormat.DEFAULT_ZONE));

      assertThat(e.field()).isEqualTo("format");
      assertThat(BrightideaFormat.forName("XML", BrightideaFormat.DEFAULT_ZONE).name())
          .isEqualTo("xml");
      assertThat(BrightideaFormat.forName(null, BrightideaFormat.DEFAULT_ZONE).name())
          .isEqualTo("json");
    }

    /**
     * Only ASCII letters match without case: U+017F (long s) folds to {@code s} under Unicode
     * rules, which would let a lookalike name pick a format. If this fails, check
     * BrightideaFormat.forName's comparison.
     */
    @Test
    @DisplayName("a format name matches without case in ASCII letters only")
    void formatNameIsAsciiCaseInsensitiveOnly() {
      assertThat(BrightideaFormat.forName("jSoN", BrightideaFormat.DEFAULT_ZONE).name())
          .isEqualTo("json");
      assertThat(
              thrown(() -> BrightideaFormat.forName("j\u017Fon", BrightideaFormat.DEFAULT_ZONE))
                  .field())
          .isEqualTo("format");
      assertThat(
              thrown(() -> BrightideaFormat.forName("jso", BrightideaFormat.DEFAULT_ZONE)).field())
          .isEqualTo("format");
    }
  }

  /** The base object's members with the override's members replacing or added. */
  static String merge(String base, String override) {
    com.fasterxml.jackson.databind.node.ObjectNode merged =
        (com.fasterxml.jackson.databind.node.ObjectNode) Fixtures.tree(base);
    merged.setAll((com.fasterxml.jackson.databind.node.ObjectNode) Fixtures.tree(override));
    return merged.toString();
  }
}
