package org.activitylog.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ActivityTypeTest {

  /** The AISquare enum values and labels, read from the seed's OpenAPI text. */
  private static Map<String, String> seedCatalogue() throws IOException {
    String yaml;
    try (InputStream in =
        ActivityTypeTest.class.getResourceAsStream("/aisquare-activity-openapi.yaml")) {
      assertThat(in).as("test resource aisquare-activity-openapi.yaml").isNotNull();
      yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    List<String> enumCodes = new ArrayList<>();
    Matcher codes = Pattern.compile("(?m)^\\s+- '(\\d+)'\\s*$").matcher(yaml);
    while (codes.find()) {
      enumCodes.add(codes.group(1));
    }
    Map<String, String> labels = new LinkedHashMap<>();
    Matcher described = Pattern.compile("(?m)^\\s+\\* `(\\d+)` - (.+?)\\s*$").matcher(yaml);
    while (described.find()) {
      labels.put(described.group(1), described.group(2));
    }
    assertThat(labels.keySet()).as("described codes").containsExactlyElementsOf(enumCodes);
    return labels;
  }

  @Test
  @DisplayName("The AISquare types are exactly the seed's 91 codes, in order, with its labels")
  void aisquareCatalogueMatchesTheSeed() throws IOException {
    Map<String, String> seed = seedCatalogue();
    Map<String, String> ours = new LinkedHashMap<>();
    Arrays.stream(ActivityType.values())
        .filter(t -> t.catalogue() == ActivityType.Catalogue.AISQUARE)
        .forEach(t -> ours.put(t.code(), t.label()));

    assertThat(seed).hasSize(91);
    assertThat(ours).containsExactlyEntriesOf(seed);
  }

  @Test
  @DisplayName("The Brightidea types are the eleven names the LIST endpoint accepts")
  void brightideaCatalogue() {
    assertThat(
            Arrays.stream(ActivityType.values())
                .filter(t -> t.catalogue() == ActivityType.Catalogue.BRIGHTIDEA)
                .map(ActivityType::code))
        .containsExactly(
            "POST_IDEA",
            "POST_BLOG",
            "PROMOTE_IDEA",
            "DEMOTE_IDEA",
            "POST_COMMENT",
            "POST_BLOG_COMMENT",
            "REGISTER",
            "UPDATE_PROFILE",
            "MY_IDEAS_STATUS_UPDATED",
            "POST_UPDATE",
            "POST_ON_WALL");
  }

  @Test
  @DisplayName("A code looks up its type: \"100\" is User Login")
  void lookupByCode() {
    assertThat(ActivityType.fromCode("100")).isEqualTo(ActivityType.USER_LOGIN);
    assertThat(ActivityType.USER_LOGIN.label()).isEqualTo("User Login");
    assertThat(ActivityType.fromCode("POST_UPDATE")).isEqualTo(ActivityType.POST_UPDATE);
    assertThat(ActivityType.findByCode("1302")).contains(ActivityType.USER_PROFILE_VISITED);
  }

  @Test
  @DisplayName("An unknown code is a validation error that names the field and the value")
  void unknownCode() {
    assertThatThrownBy(() -> ActivityType.fromCode("999"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("activity_type")
        .hasMessageContaining("999")
        .extracting(e -> ((ValidationException) e).field())
        .isEqualTo("activity_type");
    assertThat(ActivityType.findByCode("post_idea")).isEmpty();
  }

  @ParameterizedTest(name = "\"{0}\" finds {1}")
  @CsvSource({
    "post_idea, POST_IDEA",
    "Register, REGISTER",
    "POST_IDEA, POST_IDEA",
    "100, USER_LOGIN"
  })
  @DisplayName("Lookups ignoring case fold ASCII letters only")
  void ignoringCase(String code, ActivityType type) {
    assertThat(ActivityType.findByCodeIgnoringCase(code)).contains(type);
  }

  @ParameterizedTest(name = "\"{0}\" finds nothing")
  @ValueSource(
      strings = {
        "POST_\u0131DEA",
        "regi\u017fter",
        " REGISTER",
        "REGISTER ",
        "REGISTER\t",
        "\u0130D",
        ""
      })
  @DisplayName("Lookups ignoring case accept no Unicode case folding and no whitespace")
  void ignoringCaseRefuses(String code) {
    assertThat(ActivityType.findByCodeIgnoringCase(code)).isEmpty();
  }
}
