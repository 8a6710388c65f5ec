package org.activitylog.http;

import static org.activitylog.http.ApiFixture.ALICE_TOKEN;
import static org.activitylog.http.ApiFixture.ids;
import static org.activitylog.http.ApiFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.ZoneId;
import org.activitylog.api.ActorRef;
import org.activitylog.api.NewActivity;
import org.activitylog.testkit.SeedActivities;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("GET /api3/activity reads every Brightidea LIST parameter")
class ListParametersTest {
  static final String LOGIN = "5F0C2A52-8A0E-4C39-9D51-7F0E3C1F2B11";
  static final String IDEA = "D2136C62-B65E-40D2-ABD2-873AEF120514";
  static final String UPDATE_1451 = "FB4CAD9D-0169-48C8-9553-CD3D30D1B052";
  static final String UPDATE_1130 = "3326811E-5E09-4196-B8AF-FCADE3798173";
  static final String CAMPAIGN = "0A140858-AD8A-4F97-9926-D80AD156A130";

  ApiFixture site = new ApiFixture();

  @BeforeEach
  void recordSeeds() {
    site.recordSeeds();
  }

  ApiResponse list(String query) {
    return site.get("/api3/activity" + (query.isEmpty() ? "" : "?" + query), ALICE_TOKEN);
  }

  /** Asserts a 400 whose JSON body names the parameter and says the rule. */
  static void assertRejected(ApiResponse response, String parameter, String rule) {
    assertThat(response.status()).as(response.bodyText()).isEqualTo(400);
    assertThat(response.contentType()).startsWith("application/json");
    JsonNode error = json(response).path("error");
    assertThat(error.path("field").asText()).isEqualTo(parameter);
    assertThat(error.path("message").asText()).startsWith(parameter + " ").contains(rule);
  }

  @Test
  @DisplayName("without parameters it lists the requester's activities newest first, 20 a page")
  void defaults() {
    ApiResponse response = list("");
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.contentType()).isEqualTo("application/json; charset=UTF-8");
    assertThat(ids(response)).containsExactly(LOGIN, UPDATE_1451, IDEA, UPDATE_1130);
    JsonNode stats = json(response).path("stats");
    assertThat(stats.path("total").isTextual()).isTrue();
    assertThat(stats.path("total").asText()).isEqualTo("4");
    assertThat(stats.path("page_count").asInt()).isEqualTo(1);
    assertThat(stats.path("current_page").asInt()).isEqualTo(1);
  }

  @Test
  @DisplayName("unknown parameters are ignored, as the seed's API does")
  void unknownParametersAreIgnored() {
    ApiResponse response = list("api_key=secret&Page=7&sort=nonsense&type_=x");
    assertThat(response.status()).isEqualTo(200);
    assertThat(ids(response)).containsExactly(LOGIN, UPDATE_1451, IDEA, UPDATE_1130);
  }

  @Nested
  @DisplayName("id")
  class Id {
    @Test
    @DisplayName("selects the activity with that uid, in either case")
    void selectsByUid() {
      assertThat(ids(list("id=" + IDEA))).containsExactly(IDEA);
      assertThat(ids(list("id=" + IDEA.toLowerCase()))).containsExactly(IDEA);
    }

    @Test
    @DisplayName("a well-formed uid that matches nothing gives an empty list, not an error")
    void unknownUid() {
      ApiResponse response = list("id=11111111-1111-1111-1111-111111111111");
      assertThat(response.status()).isEqualTo(200);
      assertThat(ids(response)).isEmpty();
      assertThat(json(response).path("stats").path("total").asText()).isEqualTo("0");
    }

    @ParameterizedTest
    @ValueSource(strings = {"42", "not-a-uuid", "D2136C62B65E40D2ABD2873AEF120514", ""})
    @DisplayName("anything but a UUID is a 400 naming id")
    void rejectsNonUuid(String value) {
      assertRejected(list("id=" + value), "id", "must be a UUID");
    }
  }

  @Nested
  @DisplayName("date_created")
  class DateCreated {
    @Test
    @DisplayName("selects everything created within the 24 hours of that day")
    void selectsTheDay() {
      assertThat(ids(list("date_created=04/18/2013")))
          .containsExactly(UPDATE_1451, IDEA, UPDATE_1130);
      assertThat(ids(list("date_created=4/18/2013")))
          .containsExactly(UPDATE_1451, IDEA, UPDATE_1130);
      assertThat(ids(list("date_created=04/17/2013"))).isEmpty();
      assertThat(ids(list("date_created=01/01/2026"))).containsExactly(LOGIN);
    }

    @Test
    @DisplayName("the day is taken in the configured zone, and dates are written in it")
    void dayInZone() {
      ApiFixture kiribati = new ApiFixture(false, ZoneId.of("Pacific/Kiritimati"), b -> b);
      kiribati.recordSeeds();
      // UTC+14: 04/18/2013 there ends at 10:00 UTC, before the seeds' first activity that day.
      assertThat(ids(kiribati.get("/api3/activity?date_created=04/18/2013", ALICE_TOKEN)))
          .isEmpty();
      ApiResponse next = kiribati.get("/api3/activity?date_created=04/19/2013", ALICE_TOKEN);
      assertThat(ids(next)).containsExactly(UPDATE_1451, IDEA, UPDATE_1130);
      assertThat(json(next).path("activity_list").get(2).path("date_created").asText())
          .isEqualTo("2013-04-19 01:30:52.930");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2013-04-18", "18/04/2013", "13/01/2013", "02/30/2013", "04/18/13", ""})
    @DisplayName("anything but a real MM/dd/yyyy date is a 400 naming date_created")
    void rejectsOtherForms(String value) {
      assertRejected(list("date_created=" + value), "date_created", "must be a date as MM/dd/yyyy");
    }
  }

  @Nested
  @DisplayName("type")
  class Type {
    @Test
    @DisplayName("selects the activities of that type, its code in any case")
    void selectsType() {
      assertThat(ids(list("type=POST_UPDATE"))).containsExactly(UPDATE_1451, UPDATE_1130);
      assertThat(ids(list("type=post_idea"))).containsExactly(IDEA);
      assertThat(ids(list("type=REGISTER"))).isEmpty();
    }

    @Test
    @DisplayName("AISquare's numeric codes select AISquare activities")
    void aisquareCodes() {
      assertThat(ids(list("type=100"))).containsExactly(LOGIN);
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "POST_TWEET",
          "9999",
          "",
          "POST_%C4%B1DEA", // dotless i
          "regi%C5%BFter", // long s
          "%20POST_IDEA",
          "POST_IDEA%20",
          "POST_IDEA%09",
          "POST_IDEA%0A",
          "%E2%84%AA" // Kelvin sign, never a k
        })
    @DisplayName(
        "an unknown type, or one matched only by Unicode case or with whitespace, is a 400")
    void rejectsUnknown(String value) {
      assertRejected(list("type=" + value), "type", "must be an activity type");
    }
  }

  @Nested
  @DisplayName("campaign_id")
  class CampaignId {
    @Test
    @DisplayName("selects the activities of that campaign")
    void selectsCampaign() {
      assertThat(ids(list("campaign_id=" + CAMPAIGN))).containsExactly(IDEA);
      assertThat(ids(list("campaign_id=" + CAMPAIGN.toLowerCase()))).containsExactly(IDEA);
      assertThat(ids(list("campaign_id=11111111-1111-1111-1111-111111111111"))).isEmpty();
    }

    @Test
    @DisplayName("anything but a UUID is a 400 naming campaign_id")
    void rejectsNonUuid() {
      assertRejected(list("campaign_id=Sample%20Campaign"), "campaign_id", "must be a UUID");
    }
  }

  @Nested
  @DisplayName("following")
  class Following {
    @Test
    @DisplayName("1 selects the activities of the members the requester follows")
    void selectsFollowed() {
      site.log.follow(ApiFixture.alice(), ActorRef.member(SeedActivities.lillianSmith().id()));
      assertThat(ids(list("following=1"))).containsExactly(UPDATE_1451, UPDATE_1130);
    }

    @Test
    @DisplayName("1 selects nothing when the requester follows no one")
    void followsNoOne() {
      assertThat(ids(list("following=1"))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "true", "yes", ""})
    @DisplayName("anything but 1 is a 400 naming following")
    void rejectsOtherValues(String value) {
      assertRejected(list("following=" + value), "following", "must be 1");
    }

    @Test
    @DisplayName("from an anonymous requester on a public site it is a 401")
    void anonymousOnPublicSite() {
      ApiFixture open = new ApiFixture(true, ZoneId.of("UTC"), b -> b);
      open.recordSeeds();
      assertThat(open.get("/api3/activity", null).status()).isEqualTo(200);
      assertThat(open.get("/api3/activity?following=1", null).status()).isEqualTo(401);
    }
  }

  @Nested
  @DisplayName("page and page_size")
  class Paging {
    @Test
    @DisplayName("select a page and report total, page_count and current_page")
    void selectsPage() {
      ApiResponse first = list("page_size=3&page=1");
      assertThat(ids(first)).containsExactly(LOGIN, UPDATE_1451, IDEA);
      ApiResponse second = list("page_size=3&page=2");
      assertThat(ids(second)).containsExactly(UPDATE_1130);
      JsonNode stats = json(second).path("stats");
      assertThat(stats.path("total").asText()).isEqualTo("4");
      assertThat(stats.path("page_count").asInt()).isEqualTo(2);
      assertThat(stats.path("current_page").asInt()).isEqualTo(2);
    }

    @Test
    @DisplayName("a page past the end is empty and its stats still describe the listing")
    void pastTheEnd() {
      ApiResponse response = list("page_size=3&page=9");
      assertThat(response.status()).isEqualTo(200);
      assertThat(ids(response)).isEmpty();
      JsonNode stats = json(response).path("stats");
      assertThat(stats.path("total").asText()).isEqualTo("4");
      assertThat(stats.path("page_count").asInt()).isEqualTo(2);
      assertThat(stats.path("current_page").asInt()).isEqualTo(9);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 100})
    @DisplayName("page_size accepts its minimum and maximum")
    void sizeBounds(int size) {
      ApiResponse response = list("page_size=" + size);
      assertThat(response.status()).isEqualTo(200);
      assertThat(ids(response)).hasSize(Math.min(size, 4));
    }

    @ParameterizedTest
    @CsvSource({
      "page, 0, must be 1 or more",
      "page, -3, must be 1 or more",
      "page, two, must be a whole number",
      "page, 1.5, must be a whole number",
      "page, 99999999999, must be at most 2147483647",
      "page, 2147483648, must be at most 2147483647",
      "page, 123456789012345678901234567890, must be at most 2147483647",
      "page, -123456789012345678901234567890, must be 1 or more",
      "page, %202, must be a whole number",
      "page, 2%0A, must be a whole number",
      "page_size, 2147483648, must be between 1 and 100",
      "page_size, 99999999999999999999999, must be between 1 and 100",
      "page_size, -2147483649, must be between 1 and 100",
      "page_size, 0000000000000000000050, ok",
      "page_size, 0, must be between 1 and 100",
      "page_size, 101, must be between 1 and 100",
      "page_size, 20abc, must be a whole number",
    })
    @DisplayName("a value out of range or not a whole number is a 400 naming the parameter")
    void rejectsBadValues(String parameter, String value, String rule) {
      if (rule.equals("ok")) {
        assertThat(list(parameter + "=" + value).status()).isEqualTo(200);
        return;
      }
      assertRejected(list(parameter + "=" + value), parameter, rule);
    }
  }

  @Nested
  @DisplayName("order")
  class Order {
    @Test
    @DisplayName("sorts by date_created or id, either way, keywords in any case")
    void sorts() {
      assertThat(ids(list("order=date_created%20ASC")))
          .containsExactly(UPDATE_1130, IDEA, UPDATE_1451, LOGIN);
      assertThat(ids(list("order=date_created+desc")))
          .containsExactly(LOGIN, UPDATE_1451, IDEA, UPDATE_1130);
      assertThat(ids(list("order=id%20DESC")))
          .containsExactly(UPDATE_1130, UPDATE_1451, IDEA, LOGIN);
      assertThat(ids(list("order=id"))).containsExactly(LOGIN, IDEA, UPDATE_1451, UPDATE_1130);
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "name%20ASC",
          "date_created%20SIDEWAYS",
          "id;%20DROP%20TABLE%20activity",
          "id%20ASC%20id",
          "id%20a%C5%BFc", // long s
          "date_created%20DE%C5%BFC",
          "%C4%B1d", // dotless i
          "id%09ASC",
          "id%0AASC",
          "id%20ASC%0A",
          "id%20%20ASC",
          "%20id",
          "", // empty: a 400 like any value outside the grammar, not the default
          "%20"
        })
    @DisplayName("anything outside the documented grammar is a 400 naming order")
    void rejectsOthers(String value) {
      assertRejected(list("order=" + value), "order", "must be");
    }

    @Test
    @DisplayName("100,000 trailing spaces are a 400 naming order, echoing only a short prefix")
    void trailingSpaces() {
      ApiResponse response = list("order=id" + "+".repeat(100_000));
      assertRejected(response, "order", "must be");
      assertThat(response.bodyText()).hasSizeLessThan(400);
    }
  }

  @Nested
  @DisplayName("format")
  class Format {
    @Test
    @DisplayName("xml answers the same page as XML")
    void xml() {
      ApiResponse response = list("format=xml&type=POST_UPDATE");
      assertThat(response.status()).isEqualTo(200);
      assertThat(response.contentType()).isEqualTo("application/xml; charset=UTF-8");
      assertThat(response.bodyText())
          .startsWith("<?xml")
          .contains("<response>")
          .contains("<id>" + UPDATE_1451 + "</id>")
          .contains("<total>2</total>");
    }

    @Test
    @DisplayName("json, in any case, is the default")
    void json() {
      assertThat(list("format=JSON").contentType()).startsWith("application/json");
    }

    @Test
    @DisplayName("with xml, a bad parameter's error is XML too")
    void xmlErrors() {
      ApiResponse response = list("format=xml&page_size=0");
      assertThat(response.status()).isEqualTo(400);
      assertThat(response.contentType()).startsWith("application/xml");
      assertThat(response.bodyText())
          .contains("<error>")
          .contains("<field>page_size</field>")
          .contains("must be between 1 and 100");
    }

    @ParameterizedTest
    @ValueSource(strings = {"yaml", "xml%20", "%20json", "", "jso%C5%84"})
    @DisplayName("anything but json or xml is a 400 naming format, in JSON")
    void rejectsOthers(String value) {
      assertRejected(list("format=" + value), "format", "must be json or xml");
    }
  }

  @ParameterizedTest
  @CsvSource({
    "id, " + IDEA + ", " + UPDATE_1130,
    "id, " + IDEA + ", " + IDEA,
    "type, POST_IDEA, 100",
    "campaign_id, " + CAMPAIGN + ", " + CAMPAIGN,
    "date_created, 04/18/2013, 04/17/2013",
    "following, 1, 1",
    "page, 1, 2",
    "page, 1, 1",
    "page_size, 5, 6",
    "order, id, date_created",
    "format, xml, yaml",
    "format, json, json",
  })
  @DisplayName(
      "every parameter is given at most once: a second one, even equal, is a 400 naming it")
  void repeatedParameter(String parameter, String first, String second) {
    ApiResponse response = list(parameter + "=" + first + "&" + parameter + "=" + second);
    assertRejected(response, parameter, "must be given once");
    // The answer to a repeated format= cannot be in a format it refuses to choose: JSON.
    assertThat(response.contentType()).startsWith("application/json");
  }

  @Test
  @DisplayName("user text in an activity cannot break the XML answer")
  void xmlEscapesUserText() {
    site.record(
        NewActivity.builder(org.activitylog.api.ActivityType.POST_ON_WALL, SeedActivities.johnDoe())
            .workspaceGroupId(ApiFixture.ALICE_GROUP)
            .text("</text><injected>&amp;\u0001]]>")
            .build());
    ApiResponse response = list("format=xml&type=POST_ON_WALL");
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.bodyText()).doesNotContain("<injected>");
    assertThat(textOfFirst(response.bodyText(), "text"))
        .isEqualTo("</text><injected>&amp;\uFFFD]]>");
  }

  /** Parses the XML (no DTDs) and returns the text of the first element with that name. */
  static String textOfFirst(String xml, String element) {
    try {
      javax.xml.parsers.DocumentBuilderFactory factory =
          javax.xml.parsers.DocumentBuilderFactory.newInstance();
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      org.w3c.dom.Document document =
          factory
              .newDocumentBuilder()
              .parse(
                  new java.io.ByteArrayInputStream(
                      xml.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
      return document.getElementsByTagName(element).item(0).getTextContent();
    } catch (Exception e) {
      throw new AssertionError("not well-formed XML: " + xml, e);
    }
  }
}
