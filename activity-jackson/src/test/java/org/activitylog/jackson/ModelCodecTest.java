package org.activitylog.jackson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.activitylog.api.Activity;
import org.activitylog.api.Actor;
import org.activitylog.api.ActorRef;
import org.activitylog.api.JsonValue;
import org.activitylog.api.Member;
import org.activitylog.api.UserSimple;
import org.activitylog.api.ValidationException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The one JSON codec: the stored shape byte for byte, round trips in every shape, and bounds. */
@DisplayName("The model codec")
class ModelCodecTest {
  private static final Instant T = Instant.parse("2026-03-04T05:06:07.123456Z");
  private static final UUID MAX = UUID.fromString("d2136c62-b65e-40d2-abd2-873aef120514");
  private static final UUID BARE = UUID.fromString("0a0b0c0d-0000-4000-8000-00000000abcd");

  private static final Member FULL_MEMBER =
      new Member(
          MAX,
          "m@example.com",
          "Screen",
          "First",
          "Last",
          "Job",
          "Addr",
          "123",
          "456",
          "ext-1",
          "skills",
          "history",
          "https://example.com/p.png",
          T,
          Instant.parse("2013-04-18T12:16:41.720Z"),
          false,
          "file-9");
  private static final Member BARE_MEMBER = Member.of(BARE, "Bare");
  private static final Member EMPTY_TEXTS =
      new Member(
          BARE, null, "", "", null, null, null, null, null, "", null, null, "", null, null, true,
          "");
  private static final UserSimple FULL_USER =
      new UserSimple(
          5,
          "jane.doe",
          "jane@example.com",
          "Jane \"Q\" Doe",
          true,
          "dark",
          true,
          false,
          null,
          true,
          "https://example.com/j.png");
  private static final UserSimple BARE_USER = UserSimple.of(0, "bob", "bob@example.com");
  private static final UserSimple FALSE_USER =
      new UserSimple(7, "x", "x@example.com", "", false, "", false, null, null, false, null);
  private static final JsonValue RESOURCE = resource();

  private static JsonValue resource() {
    Map<String, Object> res = new LinkedHashMap<>();
    res.put("big", new BigDecimal("123456789012345678901234567890.000000000000000000001"));
    res.put("tiny", new BigDecimal("1E-300"));
    res.put("scaled", new BigDecimal("1.50"));
    res.put("int", 42);
    res.put("neg", new BigDecimal("-0.5"));
    res.put("huge", new BigDecimal("1.7976931348623157E+308"));
    res.put("text", "quote \" backslash \\ tab \t emoji \uD83D\uDE00 accents éü <x>&amp;");
    res.put("empty", Map.of());
    res.put("list", List.of(List.of(), "", true, false));
    res.put("nullInside", Arrays.asList(1, null, 2));
    return JsonValue.of(res);
  }

  private static final List<Actor> ACTORS =
      List.of(FULL_MEMBER, BARE_MEMBER, EMPTY_TEXTS, FULL_USER, BARE_USER, FALSE_USER);

  /** A lossless time format unlike ISO-8601, to see that a shape's times are used both ways. */
  private static final TimeFormat EPOCH =
      new TimeFormat() {
        @Override
        public String format(Instant instant) {
          return instant.getEpochSecond() + "s" + instant.getNano();
        }

        @Override
        public Instant parse(String text, String field) {
          String[] parts = text.split("s");
          return Instant.ofEpochSecond(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
        }
      };

  /** Brightidea's shape, as the wire format builds it, with a time format of its own. */
  private static final ModelCodec BRIGHTIDEA_LIKE =
      ModelCodec.builder()
          .absent("member.external_user_id", Absent.WRITE_NULL)
          .absent("member.photo_url", Absent.WRITE_NULL)
          .absent("member.date_modified", Absent.WRITE_NULL)
          .times(EPOCH)
          .upperCaseIds(true)
          .build();

  /** Every absent value written as null. */
  private static final ModelCodec ALL_NULLS =
      ModelCodec.builder().absent(Absent.WRITE_NULL).upperCaseIds(true).build();

  private static final List<ModelCodec> SHAPES =
      List.of(ModelCodec.standard(), BRIGHTIDEA_LIKE, ALL_NULLS);

  @Nested
  @DisplayName("The standard shape")
  class StandardShape {
    private final ModelCodec codec = ModelCodec.standard();

    /**
     * If this fails, check what changed in ModelCodec's writers or NodeWriter: the JDBC backend
     * stores this shape, so every row already written holds these bytes. The expected texts are
     * what the backend stored before the codec was shared.
     */
    @Test
    @DisplayName("Actors are written byte for byte as the JDBC backend has always stored them")
    void actorsAsStored() {
      assertThat(ModelCodec.write(codec.actor(FULL_MEMBER)))
          .isEqualTo(
              "{\"id\":\"d2136c62-b65e-40d2-abd2-873aef120514\",\"email\":\"m@example.com\","
                  + "\"screen_name\":\"Screen\",\"first_name\":\"First\",\"last_name\":\"Last\","
                  + "\"job_title\":\"Job\",\"address\":\"Addr\",\"phone\":\"123\","
                  + "\"mobile_phone\":\"456\",\"external_user_id\":\"ext-1\","
                  + "\"skills\":\"skills\",\"work_history\":\"history\","
                  + "\"photo_url\":\"https://example.com/p.png\","
                  + "\"date_created\":\"2026-03-04T05:06:07.123456Z\","
                  + "\"date_modified\":\"2013-04-18T12:16:41.720Z\",\"active\":false,"
                  + "\"photo_file_id\":\"file-9\"}");
      assertThat(ModelCodec.write(codec.actor(BARE_MEMBER)))
          .isEqualTo("{\"id\":\"0a0b0c0d-0000-4000-8000-00000000abcd\",\"screen_name\":\"Bare\"}");
      assertThat(ModelCodec.write(codec.actor(EMPTY_TEXTS)))
          .isEqualTo(
              "{\"id\":\"0a0b0c0d-0000-4000-8000-00000000abcd\",\"screen_name\":\"\","
                  + "\"first_name\":\"\",\"external_user_id\":\"\",\"photo_url\":\"\","
                  + "\"active\":true,\"photo_file_id\":\"\"}");
      assertThat(ModelCodec.write(codec.actor(FULL_USER)))
          .isEqualTo(
              "{\"id\":5,\"username\":\"jane.doe\",\"email\":\"jane@example.com\","
                  + "\"full_name\":\"Jane \\\"Q\\\" Doe\",\"first_time_login\":true,"
                  + "\"theme\":\"dark\",\"is_superuser\":true,\"is_staff\":false,"
                  + "\"is_verified\":true,\"profile_picture\":\"https://example.com/j.png\"}");
      assertThat(ModelCodec.write(codec.actor(BARE_USER)))
          .isEqualTo(
              "{\"id\":0,\"username\":\"bob\",\"email\":\"bob@example.com\","
                  + "\"first_time_login\":false}");
      assertThat(ModelCodec.write(codec.actor(FALSE_USER)))
          .isEqualTo(
              "{\"id\":7,\"username\":\"x\",\"email\":\"x@example.com\",\"full_name\":\"\","
                  + "\"first_time_login\":false,\"theme\":\"\",\"is_superuser\":false,"
                  + "\"is_verified\":false}");
    }

    /**
     * If this fails, check that numbers are written as DecimalNode (the node factory strips
     * trailing zeros) and that the mapper escapes nothing beyond what JSON requires.
     */
    @Test
    @DisplayName("A resource is written byte for byte as stored: exact numbers, every character")
    void resourceAsStored() {
      assertThat(ModelCodec.write(ModelCodec.toNode(RESOURCE)))
          .isEqualTo(
              "{\"big\":123456789012345678901234567890.000000000000000000001,\"tiny\":1E-300,"
                  + "\"scaled\":1.50,\"int\":42,\"neg\":-0.5,\"huge\":1.7976931348623157E+308,"
                  + "\"text\":\"quote \\\" backslash \\\\ tab \\t emoji \uD83D\uDE00 accents éü"
                  + " <x>&amp;\",\"empty\":{},\"list\":[[],\"\",true,false],"
                  + "\"nullInside\":[1,null,2]}");
    }
  }

  @Nested
  @DisplayName("Round trips")
  class RoundTrips {

    /**
     * If this fails, check StoredReader against the writers of ModelCodec: a member written but not
     * read back (or read into another field) is lost on every read.
     */
    @Test
    @DisplayName("Every actor reads back equal in every shape")
    void actors() {
      for (ModelCodec codec : SHAPES) {
        for (Actor actor : ACTORS) {
          String json = ModelCodec.write(codec.actor(actor));
          assertThat(codec.readActor(actor.ref().kind(), json))
              .as("%s read back from %s by %s", actor, json, codec)
              .isEqualTo(actor);
        }
      }
    }

    /** If this fails, check JsonValues.read and the exact-decimal settings of the mapper. */
    @Test
    @DisplayName("A resource reads back equal, and writes again to the same text")
    void resources() {
      for (JsonValue value :
          List.of(
              RESOURCE,
              JsonValue.of("just text"),
              JsonValue.of(List.of()),
              JsonValue.of(new BigDecimal("0.000")),
              JsonValue.of(true),
              JsonValue.nullValue())) {
        String json = ModelCodec.write(ModelCodec.toNode(value));
        JsonValue read = ModelCodec.standard().readValue(json);
        assertThat(read).as("read back from %s", json).isEqualTo(value);
        assertThat(ModelCodec.write(ModelCodec.toNode(read))).as("written again").isEqualTo(json);
      }
    }

    /**
     * If this fails, check StoredReader's records (bound by name, unknown members ignored):
     * PostgreSQL's jsonb hands objects back with their keys sorted, and text written by other
     * versions may carry members this one ignores.
     */
    @Test
    @DisplayName("An actor reads the same in any member order and with unknown members")
    void anyOrder() {
      for (Actor actor : ACTORS) {
        ObjectNode written = ModelCodec.standard().actor(actor);
        List<String> names = new ArrayList<>();
        written.fieldNames().forEachRemaining(names::add);
        Collections.reverse(names);
        ObjectNode reordered = written.objectNode();
        reordered.putObject("added_later").putArray("nested").add(1).addObject().put("id", "x");
        for (String name : names) {
          reordered.set(name, written.get(name));
          reordered.put(name + "_unknown", "ignored");
        }
        String json = ModelCodec.write(reordered);
        assertThat(ModelCodec.standard().readActor(actor.ref().kind(), json))
            .as("read from %s", json)
            .isEqualTo(actor);
      }
    }
  }

  @Nested
  @DisplayName("Shapes")
  class Shapes {

    /** If this fails, check NodeWriter's absent handling. */
    @Test
    @DisplayName("Every absent member is written as null when the shape says so, else left out")
    void absentPolicy() {
      ObjectNode nulls = ALL_NULLS.actor(BARE_MEMBER);
      ObjectNode omitted = ModelCodec.standard().actor(BARE_MEMBER);

      assertThat(nulls.size()).as("members of %s", nulls).isEqualTo(17);
      assertThat(nulls.get("email").isNull()).as("email in %s", nulls).isTrue();
      assertThat(omitted.has("email")).as("email in %s", omitted).isFalse();
      assertThat(omitted.size()).as("members of %s", omitted).isEqualTo(2);
    }

    /**
     * If this fails, check ModelCodec.absent(object, member): an override must apply to its own
     * object's member only.
     */
    @Test
    @DisplayName("A member's own policy applies to that member of that object only")
    void perMemberPolicy() {
      ModelCodec codec = ModelCodec.builder().absent("member.photo_url", Absent.WRITE_NULL).build();

      ObjectNode member = codec.actor(BARE_MEMBER);
      ObjectNode own = codec.object().text("photo_url", null).node();

      assertThat(member.has("photo_url") && member.get("photo_url").isNull())
          .as("photo_url in %s", member)
          .isTrue();
      assertThat(member.has("email")).as("email in %s", member).isFalse();
      assertThat(own.has("photo_url")).as("photo_url in a format's own object %s", own).isFalse();
    }

    /** If this fails, check Members.known: a misspelt member would silently change nothing. */
    @Test
    @DisplayName("A policy for a member the codec does not write is refused, naming it")
    void unknownMember() {
      for (String name : List.of("member.photoUrl", "photo_url", "comment.id", "user.")) {
        assertThatThrownBy(() -> ModelCodec.builder().absent(name, Absent.WRITE_NULL))
            .as(name)
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining(name);
      }
    }

    /** If this fails, check NodeWriter.uuid and NodeWriter.time. */
    @Test
    @DisplayName("Ids and times follow the shape")
    void idsAndTimes() {
      ObjectNode upper =
          BRIGHTIDEA_LIKE
              .object()
              .time("date_created", T)
              .node("member", BRIGHTIDEA_LIKE.actor(BARE_MEMBER))
              .node();
      ModelCodec stored = ModelCodec.standard();
      ObjectNode standard =
          stored.object().time("date_created", T).node("member", stored.actor(BARE_MEMBER)).node();

      assertThat(upper.get("member").get("id").textValue())
          .isEqualTo("0A0B0C0D-0000-4000-8000-00000000ABCD");
      assertThat(upper.get("date_created").textValue()).isEqualTo(EPOCH.format(T));
      assertThat(standard.get("member").get("id").textValue()).isEqualTo(BARE.toString());
      assertThat(standard.get("date_created").textValue()).isEqualTo("2026-03-04T05:06:07.123456Z");
    }
  }

  @Nested
  @DisplayName("Bounds")
  class Bounds {
    private final ModelCodec codec = ModelCodec.standard();

    /**
     * If this fails, check JsonValues.significant: PostgreSQL's jsonb prints 1e300 as 1 followed by
     * 300 zeros, more digits than the model holds.
     */
    @Test
    @DisplayName("A large integer in plain notation, as PostgreSQL prints it, reads as the number")
    void plainNotation() {
      String plain = "17976931348623157" + "0".repeat(292);

      JsonValue read = codec.readValue("[" + plain + ", -1" + "0".repeat(300) + "]");

      assertThat(read)
          .isEqualTo(
              JsonValue.of(
                  List.of(new BigDecimal("1.7976931348623157E+308"), new BigDecimal("-1E+300"))));
    }

    /**
     * If this fails, check the mapper's maxNumberLength: a resource may be one number of as many
     * digits as Activity.MAX_RESOURCE, and what the parser passes the model judges where it enters.
     */
    @Test
    @DisplayName(
        "A number of up to the longest resource's digits reaches the model; longer is unread")
    void numberLength() {
      String atLimit = "1" + "0".repeat(Activity.MAX_RESOURCE - 1);
      String overLimit = atLimit + "0";

      // A stored value is read as it is (the trusted way); the model judges it where it enters.
      JsonValue read = codec.readValue(atLimit);
      assertThatThrownBy(() -> JsonValue.of(read))
          .as("a number of %d digits", atLimit.length())
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining("resource");
      assertThatThrownBy(() -> codec.readValue(overLimit))
          .as("a number of %d digits", overLimit.length())
          .isInstanceOf(IllegalStateException.class);
      assertThat(codec.readValue("0." + "0".repeat(307) + "1"))
          .isEqualTo(JsonValue.of(new BigDecimal("1E-308")));
    }

    /** If this fails, check ModelCodec.toValue: it must apply JsonValue.of's checks. */
    @Test
    @DisplayName("A tree converts to a value only within the model's depth and number bounds")
    void treeBounds() {
      JsonValue deepest = JsonValue.of(List.of());
      for (int i = 0; i < JsonValue.MAX_DEPTH; i++) {
        deepest = JsonValue.of(List.of(deepest));
      }
      JsonValue tooDeep = deepest;

      assertThat(ModelCodec.toValue(ModelCodec.toNode(deepest))).isEqualTo(deepest);
      assertThatThrownBy(
              () -> ModelCodec.toValue(ModelCodec.toNode(JsonValue.of(List.of(tooDeep)))))
          .isInstanceOf(ValidationException.class)
          .extracting(e -> ((ValidationException) e).field())
          .isEqualTo("resource");
      ObjectNode huge = ModelCodec.standard().object().node();
      huge.putObject("a").put("b", new BigDecimal("1E+309"));
      assertThatThrownBy(() -> ModelCodec.toValue(huge))
          .isInstanceOf(ValidationException.class)
          .extracting(e -> ((ValidationException) e).field())
          .isEqualTo("resource.a.b");
      assertThat(ModelCodec.toValue(null)).isEqualTo(JsonValue.nullValue());
    }

    /** If this fails, check the checks after parsing in ModelCodec.readValue and readActor. */
    @Test
    @DisplayName("Text that is not what the codec wrote is refused as unreadable")
    void unreadable() {
      for (String text : List.of("", "1 2", "{\"a\":", "[1,]")) {
        assertThatThrownBy(() -> codec.readValue(text))
            .as("value %s", text)
            .isInstanceOf(IllegalStateException.class);
      }
      for (String text : List.of("[]", "\"x\"", "{\"username\":\"bob\"}", "{")) {
        assertThatThrownBy(() -> codec.readActor(ActorRef.Kind.USER, text))
            .as("user %s", text)
            .isInstanceOf(IllegalStateException.class);
      }
      assertThatThrownBy(() -> codec.readActor(ActorRef.Kind.MEMBER, "{\"screen_name\":\"x\"}"))
          .as("a member without id")
          .isInstanceOf(IllegalStateException.class);
    }
  }
}
