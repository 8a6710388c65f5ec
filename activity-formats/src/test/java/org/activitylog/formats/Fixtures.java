package org.activitylog.formats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.activitylog.api.Member;

/** The seed activities' actors, and JSON tree comparison against the seeds' example payloads. */
final class Fixtures {
  private static final ObjectMapper PLAIN = new ObjectMapper();

  private Fixtures() {}

  /** Max Power, the member of Brightidea's GET example. */
  static Member maxPower() {
    return (Member) SeedExamples.brightideaPostIdea(1).content().actor();
  }

  /** Lillian Smith, who posts both updates of Brightidea's LIST example. */
  static Member lillianSmith() {
    return (Member) SeedExamples.brightideaUpdates(1).get(0).content().actor();
  }

  static JsonNode tree(String json) {
    try {
      return PLAIN.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The tree with every null member removed, so that a missing member and a null member compare
   * equal, as the golden tests require.
   */
  static JsonNode withoutNulls(JsonNode node) {
    if (node instanceof ObjectNode object) {
      ObjectNode copy = JsonNodeFactory.instance.objectNode();
      for (Map.Entry<String, JsonNode> e : object.properties()) {
        if (!e.getValue().isNull()) {
          copy.set(e.getKey(), withoutNulls(e.getValue()));
        }
      }
      return copy;
    }
    if (node instanceof ArrayNode array) {
      ArrayNode copy = JsonNodeFactory.instance.arrayNode();
      array.forEach(item -> copy.add(withoutNulls(item)));
      return copy;
    }
    return node;
  }

  /** Both texts as trees, nulls removed, ready for an equality assertion. */
  static JsonNode comparable(String json) {
    return withoutNulls(tree(json));
  }

  /**
   * Asserts that a written body equals the seed's example, null members included: every value
   * equal, every member the seed writes as {@code null} written as {@code null}. The seed leaves
   * the same member out in one place and writes it as {@code null} in another (Lillian Smith's
   * {@code external_user_id}); a {@code null} written where the seed leaves the member out is
   * accepted.
   */
  static void assertSameAsSeed(String written, String seed) {
    org.assertj.core.api.Assertions.assertThat(comparable(written)).isEqualTo(comparable(seed));
    org.assertj.core.api.Assertions.assertThat(nullMembers(tree(written), ""))
        .as("members written as null")
        .containsAll(nullMembers(tree(seed), ""));
  }

  /** The JSON pointers of every null member. */
  static java.util.Set<String> nullMembers(JsonNode node, String at) {
    java.util.Set<String> nulls = new java.util.TreeSet<>();
    if (node instanceof ObjectNode object) {
      for (Map.Entry<String, JsonNode> e : object.properties()) {
        String path = at + "/" + e.getKey();
        if (e.getValue().isNull()) {
          nulls.add(path);
        } else {
          nulls.addAll(nullMembers(e.getValue(), path));
        }
      }
    } else if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        nulls.addAll(nullMembers(array.get(i), at + "/" + i));
      }
    }
    return nulls;
  }
}
