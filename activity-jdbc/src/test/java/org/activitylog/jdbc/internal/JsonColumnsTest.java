package org.activitylog.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.activitylog.api.ActorRef;
import org.activitylog.api.JsonValue;
import org.activitylog.api.NewActivity;
import org.activitylog.testkit.SeedActivities;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The JSON columns round-trip every field exactly. */
@DisplayName("The JSON columns")
class JsonColumnsTest {
  private final JsonColumns json = new JsonColumns();

  /** If this fails, check the field names and null handling in JsonColumns and ModelCodec. */
  @Test
  @DisplayName("Every seed activity's actor, resource and extension slot read back equal")
  void seedsRoundTrip() {
    for (NewActivity a : SeedActivities.all(42)) {
      ActorRef.Kind kind = a.content().actor().ref().kind();
      assertThat(json.readActor(kind, json.writeActor(a.content().actor())))
          .isEqualTo(a.content().actor());
      assertThat(json.readResource(json.writeResource(a.content().resource())))
          .isEqualTo(a.content().resource());
      assertThat(json.readDetails(json.writeDetails(a.content().extensions())))
          .containsExactlyEntriesOf(a.content().extensions());
    }
  }

  /** If this fails, check the exact-decimal settings of ModelCodec's mapper. */
  @Test
  @DisplayName("Resources keep exact numbers, nesting, empty values and unusual characters")
  void resourceEdgeCases() {
    JsonValue resource =
        JsonValue.of(
            Map.of(
                "big",
                new BigDecimal("123456789012345678901234567890.000000000000000000001"),
                "tiny",
                new BigDecimal("1E-300"),
                "negative",
                -0.5,
                "text",
                "quote \" backslash \\ tab \t emoji \uD83D\uDE00 accents éü",
                "empty",
                Map.of(),
                "list",
                List.of(List.of(), "", true, false),
                "nullInside",
                JsonValue.of(java.util.Arrays.asList(1, null, 2))));
    assertThat(json.readResource(json.writeResource(resource))).isEqualTo(resource);
    assertThat(json.writeResource(JsonValue.nullValue())).isNull();
    assertThat(json.readResource(null)).isEqualTo(JsonValue.nullValue());
    assertThat(json.writeDetails(Map.of())).isNull();
    assertThat(json.readDetails(null)).isEmpty();
  }

  /**
   * If this fails, check that ModelCodec.readValue drops the trailing zeros of a number printed in
   * plain notation: PostgreSQL's jsonb prints 1e300 as 1 followed by 300 zeros.
   */
  @Test
  @DisplayName("A large number read back in plain notation, as PostgreSQL prints it, is the same")
  void plainNotationOfLargeNumbers() {
    String plain = "17976931348623157" + "0".repeat(292);

    JsonValue read = json.readResource("[" + plain + ", -1" + "0".repeat(300) + "]");

    assertThat(read)
        .isEqualTo(
            JsonValue.of(
                List.of(new BigDecimal("1.7976931348623157E+308"), new BigDecimal("-1E+300"))));
  }

  /**
   * If this fails, check the codec's StoredReader records (bound by name, unknown members ignored):
   * PostgreSQL's jsonb hands profiles back with their keys sorted, and profiles written by other
   * versions may carry fields this one ignores.
   */
  @Test
  @DisplayName("An actor's profile reads the same in any field order and with unknown fields")
  void actorFieldOrderDoesNotMatter() throws Exception {
    ObjectMapper mapper = new ObjectMapper();
    for (NewActivity a : SeedActivities.all(42)) {
      ActorRef.Kind kind = a.content().actor().ref().kind();
      ObjectNode written = (ObjectNode) mapper.readTree(json.writeActor(a.content().actor()));
      List<String> names = new ArrayList<>();
      written.fieldNames().forEachRemaining(names::add);
      Collections.reverse(names);
      ObjectNode reordered = mapper.createObjectNode();
      reordered.putObject("added_later").putArray("nested").add(1).addObject().put("id", "x");
      for (String name : names) {
        reordered.set(name, written.get(name));
        reordered.put(name + "_unknown", "ignored");
      }
      assertThat(json.readActor(kind, mapper.writeValueAsString(reordered)))
          .isEqualTo(a.content().actor());
    }
  }
}
