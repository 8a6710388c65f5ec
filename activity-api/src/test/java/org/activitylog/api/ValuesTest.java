package org.activitylog.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ValuesTest {

  @Test
  @DisplayName("A username is at most 150 letters, digits and @ . + - _")
  void usernameRules() {
    String longest = "a".repeat(150);
    assertThat(UserSimple.of(1, longest, "a@example.com").username()).hasSize(150);
    assertThat(UserSimple.of(1, "jöhn.doe+x@y-z_1", "a@example.com")).isNotNull();
    assertThatThrownBy(() -> UserSimple.of(1, longest + "a", "a@example.com"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("user.username")
        .hasMessageContaining("150");
    assertThatThrownBy(() -> UserSimple.of(1, "john doe", "a@example.com"))
        .hasMessageContaining("user.username")
        .hasMessageContaining("letters, digits");
  }

  /** If this fails, UserSimple's username pattern no longer follows the rule stated here. */
  @Test
  @DisplayName("A username is accepted exactly when it matches the letters-digits-symbols pattern")
  void usernameLoopFollowsThePattern() {
    Pattern rule = Pattern.compile("[\\p{L}\\p{N}_.@+-]+");
    String alphabet = "aZ0_.@+-é ½Ⅻ٣!/\uD835\uDC00\uD83D\uDE00\u0301\uD800";
    Random random = new Random(20261124);
    for (int n = 0; n < 50_000; n++) {
      StringBuilder candidate = new StringBuilder();
      int length = 1 + random.nextInt(8);
      for (int i = 0; i < length; i++) {
        candidate.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String username = candidate.toString();
      boolean accepted;
      try {
        UserSimple.of(1, username, "a@example.com");
        accepted = true;
      } catch (ValidationException e) {
        accepted = false;
      }
      assertThat(accepted).as("%s", username).isEqualTo(rule.matcher(username).matches());
    }
  }

  /** If this fails, the e-mail pattern in Checks no longer follows the rule stated here. */
  @Test
  @DisplayName("An e-mail address is accepted exactly when it matches the dot-atom pattern")
  void emailScannerFollowsThePattern() {
    Pattern rule =
        Pattern.compile(
            "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
                + "@[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?"
                + "(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*");
    String alphabet = "aZ09.@-+_!~ é\"(";
    Random random = new Random(20261124);
    for (int n = 0; n < 50_000; n++) {
      StringBuilder candidate = new StringBuilder();
      int length = 1 + random.nextInt(10);
      for (int i = 0; i < length; i++) {
        candidate.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String address = candidate.toString();
      boolean accepted;
      try {
        UserSimple.of(1, "john", address);
        accepted = true;
      } catch (ValidationException e) {
        accepted = false;
      }
      assertThat(accepted).as("%s", address).isEqualTo(rule.matcher(address).matches());
    }
  }

  /**
   * Stored rows are rebuilt through the canonical constructors, which check only the shape; every
   * way in runs the entry rules whatever way its parts were built. If this fails, check which rules
   * the constructors run (shape only) and where the entry rules run (Actors.check,
   * ActivityContent.check, JsonCodec.checkEntry, from NewActivity and ActivityUpdate).
   */
  @Test
  @DisplayName(
      "A stored row rebuilds without the entry rules, and an activity to store or update meets"
          + " them however its parts were built")
  void trustedRebuildAndEntryRules() {
    UserSimple stored =
        new UserSimple(
            1, "john doe", "not-an-email", null, false, null, null, null, null, null, null);
    JsonValue loneSurrogate = new JsonValue.JsonString("a\uD800");
    ActivityContent content =
        new ActivityContent(
            ActivityType.USER_LOGIN, stored, null, loneSurrogate, 1, null, null, Map.of());
    ActivityContent validActor =
        new ActivityContent(
            ActivityType.USER_LOGIN,
            UserSimple.of(1, "john", "john@example.com"),
            null,
            loneSurrogate,
            1,
            null,
            null,
            Map.of());

    assertThat(content.actor()).isEqualTo(stored);
    assertThatThrownBy(() -> new NewActivity(null, content, null, null))
        .isInstanceOf(ValidationException.class)
        .hasMessageStartingWith("user.username must contain only");
    assertThatThrownBy(() -> ActivityUpdate.NONE.withActor(stored))
        .hasMessageStartingWith("user.username must contain only");
    assertThatThrownBy(() -> stored.toBuilder().build())
        .hasMessageStartingWith("user.username must contain only");
    assertThatThrownBy(() -> new NewActivity(null, validActor, null, null))
        .hasMessageStartingWith("resource must not contain an unpaired UTF-16 surrogate");
    assertThatThrownBy(() -> ActivityUpdate.NONE.withResource(loneSurrogate))
        .hasMessageStartingWith("resource must not contain an unpaired UTF-16 surrogate");
    assertThatThrownBy(() -> JsonValue.of(loneSurrogate))
        .hasMessageStartingWith("resource must not contain an unpaired UTF-16 surrogate");
  }

  @Test
  @DisplayName("An e-mail address must look like one")
  void emailRules() {
    assertThatThrownBy(() -> UserSimple.of(1, "john", "not-an-email"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("user.email");
    assertThatThrownBy(() -> UserSimple.of(1, "john", "a@b@c")).hasMessageContaining("user.email");
    assertThat(UserSimple.of(1, "john", "john.doe+tag@mail.example.co.uk").email()).isNotBlank();
  }

  @Test
  @DisplayName("Text and resource have documented size limits")
  void sizeLimits() {
    UserSimple user = UserSimple.of(1, "john", "john@example.com");
    assertThat(
            NewActivity.builder(ActivityType.USER_LOGIN, user)
                .text("x".repeat(Activity.MAX_TEXT))
                .build())
        .isNotNull();
    assertThatThrownBy(
            () ->
                NewActivity.builder(ActivityType.USER_LOGIN, user)
                    .text("x".repeat(Activity.MAX_TEXT + 1))
                    .build())
        .hasMessageStartingWith("text must be at most 10000 characters");
    assertThatThrownBy(
            () ->
                NewActivity.builder(ActivityType.USER_LOGIN, user)
                    .resource(Map.of("blob", "x".repeat(Activity.MAX_RESOURCE)))
                    .build())
        .isInstanceOf(ValidationException.class)
        .hasMessageStartingWith("resource must be at most");
  }

  @Test
  @DisplayName("A resource is deeply immutable and compares as JSON does")
  void jsonValues() {
    List<Object> list = new ArrayList<>(List.of(1, "two"));
    Map<String, Object> map = new HashMap<>();
    map.put("list", list);
    map.put("none", null);
    JsonValue json = JsonValue.of(map);
    list.add("three");

    assertThat(((JsonValue.JsonObject) json).get("list").orElseThrow().toPlain())
        .as("the copy taken when the resource was built")
        .isEqualTo(List.of(new BigDecimal("1"), "two"));
    assertThat(((JsonValue.JsonObject) json).get("none")).contains(JsonValue.nullValue());
    assertThat(JsonValue.of(Map.of("n", 1.0))).isEqualTo(JsonValue.of(Map.of("n", 1)));
    assertThat(JsonValue.of(List.of("a\"b\n")))
        .extracting(JsonValue::toJson)
        .isEqualTo("[\"a\\\"b\\n\"]");
    assertThatThrownBy(
            () -> ((JsonValue.JsonObject) json).members().put("x", JsonValue.nullValue()))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> JsonValue.of(Map.of("bad", new Object())))
        .hasMessageStartingWith("resource.bad must be built of");
    assertThatThrownBy(() -> JsonValue.of(Double.NaN)).hasMessageContaining("NaN");
  }

  @Test
  @DisplayName("Nesting deeper than the limit is rejected, not a stack overflow")
  void depthLimit() {
    Object deep = "leaf";
    for (int i = 0; i < 10_000; i++) {
      deep = List.of(deep);
    }
    Object tooDeep = deep;
    assertThatThrownBy(() -> JsonValue.of(tooDeep)).hasMessageContaining("deeper than 32");
  }

  /**
   * The records check no depth, so a value built from them directly must meet the limit where it
   * enters, before anything recurses into it. If this fails, check JsonCodec.checkDepth and its
   * callers (ActivityContent, ActivityUpdate, JsonValue.of).
   */
  @Test
  @DisplayName("A resource built from the JSON records is held to the same depth limit")
  void depthLimitOfBuiltValues() {
    UserSimple user = UserSimple.of(1, "john", "john@example.com");
    JsonValue deepest = new JsonValue.JsonArray(List.of());
    for (int i = 0; i < JsonValue.MAX_DEPTH; i++) {
      deepest = i % 2 == 0 ? new JsonValue.JsonArray(List.of(deepest)) : objectOf(deepest);
    }
    JsonValue tooDeep = new JsonValue.JsonArray(List.of(deepest));
    JsonValue wayTooDeep = tooDeep;
    for (int i = 0; i < 100_000; i++) {
      wayTooDeep = new JsonValue.JsonArray(List.of(wayTooDeep));
    }
    JsonValue limit = deepest;
    assertThat(ActivityContent.builder(ActivityType.USER_LOGIN, user, 1).resource(limit).build())
        .isNotNull();
    assertThat(ActivityUpdate.NONE.withResource(limit).resource()).isEqualTo(limit);
    assertThat(JsonValue.of(limit)).isEqualTo(limit);
    for (JsonValue deep : List.of(tooDeep, wayTooDeep)) {
      assertThatThrownBy(
              () ->
                  ActivityContent.builder(ActivityType.USER_LOGIN, user, 1).resource(deep).build())
          .isInstanceOf(ValidationException.class)
          .hasMessageStartingWith("resource must not nest deeper than 32");
      assertThatThrownBy(() -> NewActivity.builder(ActivityType.USER_LOGIN, user).resource(deep))
          .hasMessageStartingWith("resource must not nest deeper than 32");
      assertThatThrownBy(() -> ActivityUpdate.NONE.withResource(deep))
          .hasMessageStartingWith("resource must not nest deeper than 32");
    }
  }

  /**
   * Content built with the canonical constructor skips the builder's check of the extension slot;
   * an activity to store must not. If this fails, check NewActivity's constructor.
   */
  @Test
  @DisplayName(
      "An activity to store holds its extension slot to the depth limit however it was built")
  void extensionDepthAtEntry() {
    UserSimple user = UserSimple.of(1, "john", "john@example.com");
    JsonValue deep = new JsonValue.JsonArray(List.of());
    for (int i = 0; i < JsonValue.MAX_DEPTH; i++) {
      deep = new JsonValue.JsonArray(List.of(deep));
    }
    ActivityContent content =
        new ActivityContent(
            ActivityType.USER_LOGIN, user, null, null, 1, null, null, Map.of("x", deep));
    UUID uid = UUID.randomUUID();
    Instant at = Instant.parse("2026-01-01T00:00:00Z");

    assertThatThrownBy(() -> new NewActivity(uid, content, at, null))
        .isInstanceOf(ValidationException.class)
        .hasMessageStartingWith("extensions.x must not nest deeper than 31");
    assertThatThrownBy(() -> new NewActivity(uid, content.toBuilder().build(), at, null))
        .hasMessageStartingWith("extensions.x must not nest deeper than 31");
  }

  private static JsonValue objectOf(JsonValue member) {
    return new JsonValue.JsonObject(Map.of("m", member));
  }

  @Test
  @DisplayName("date_created covers the calendar day in the stated zone, up to the next midnight")
  void createdOn() {
    ZoneId paris = ZoneId.of("Europe/Paris");
    ActivityQuery q = ActivityQuery.builder().createdOn(LocalDate.of(2013, 4, 18), paris).build();
    assertThat(q.createdFrom()).isEqualTo(Instant.parse("2013-04-17T22:00:00Z"));
    assertThat(q.createdBefore()).isEqualTo(Instant.parse("2013-04-18T22:00:00Z"));
  }

  @Test
  @DisplayName("Actor references have one canonical text form")
  void actorRefs() {
    UUID id = UUID.fromString("B471BFED-BCC2-49CC-A917-5F09AA73EEB3");
    assertThat(ActorRef.member(id).toString())
        .isEqualTo("member:b471bfed-bcc2-49cc-a917-5f09aa73eeb3");
    assertThat(ActorRef.parse("user:42")).isEqualTo(ActorRef.user(42));
    assertThatThrownBy(() -> ActorRef.parse("user:x")).hasMessageStartingWith("actor must be");
    assertThatThrownBy(() -> new ActorRef(ActorRef.Kind.USER, "042"))
        .hasMessageContaining("canonical");
  }

  @Test
  @DisplayName("Times lie where every zone writes them with a four-digit year")
  void timeRange() {
    UserSimple john = UserSimple.of(1, "john", "j@example.com");
    for (String inside : List.of("0001-01-02T00:00:00Z", "9999-12-30T23:59:59.999999Z")) {
      Instant t = Instant.parse(inside);
      assertThat(
              NewActivity.builder(ActivityType.USER_LOGIN, john).createdAt(t).build().createdAt())
          .isEqualTo(t);
    }
    for (String outside :
        List.of("0001-01-01T23:59:59.999999Z", "9999-12-31T00:00:00Z", "+10000-01-01T00:00:00Z")) {
      Instant t = Instant.parse(outside);
      assertThatThrownBy(
              () -> NewActivity.builder(ActivityType.USER_LOGIN, john).createdAt(t).build())
          .as(outside)
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining("created_at")
          .hasMessageContaining("4-digit year");
    }
  }

  @Test
  @DisplayName("Times keep microseconds, the precision every backend stores")
  void micros() {
    Instant nanos = Instant.parse("2026-01-01T00:00:00.123456789Z");
    NewActivity a =
        NewActivity.builder(ActivityType.USER_LOGIN, UserSimple.of(1, "john", "j@example.com"))
            .createdAt(nanos)
            .build();
    assertThat(a.createdAt()).isEqualTo(Instant.parse("2026-01-01T00:00:00.123456Z"));
  }

  @Test
  @DisplayName("A validation error keeps its rule and echoed value when nested under another field")
  void nestedFieldNames() {
    ValidationException e =
        new ValidationException("member.email", "must be an e-mail address", "x".repeat(200));
    ValidationException nested = e.withFieldPrefix("comments[1].");

    assertThat(nested.field()).isEqualTo("comments[1].member.email");
    assertThat(nested.rule()).isEqualTo(e.rule());
    assertThat(nested.rejectedValue()).isEqualTo(e.rejectedValue());
    assertThat(e.rejectedValue().orElseThrow()).hasSize(81);
    assertThat(nested.getMessage()).startsWith("comments[1].member.email must be").contains("(was");
    assertThat(new ValidationException("text", "is required").withFieldPrefix("a.").getMessage())
        .isEqualTo("a.text is required");
  }

  @Test
  @DisplayName("The resource limit counts the compact JSON text exactly, escapes included")
  void resourceLengthIsExact() {
    List<Object> samples =
        List.of(
            Map.of("a", List.of(1, 2.50, true, false), "b", Map.of()),
            List.of("quote\" back\\ nl\n tab\t ctl\u0001 é"),
            List.of(
                new BigDecimal("-1.234E-300"),
                new BigDecimal("1E+300"),
                new BigDecimal("0.000001"),
                new BigDecimal("-0.0000001"),
                "\u0001\u0002\u001f"),
            List.of(),
            "plain");
    for (Object sample : samples) {
      JsonValue json = JsonValue.of(sample);
      int length = json.toJson().length();
      assertThat(org.activitylog.api.internal.JsonCodec.longerThan(json, length))
          .as("longer than its own length: %s", json.toJson())
          .isFalse();
      assertThat(org.activitylog.api.internal.JsonCodec.longerThan(json, length - 1))
          .as("longer than its length minus one: %s", json.toJson())
          .isTrue();
    }
  }
}
