package org.activitylog.formats;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.ZoneId;
import org.activitylog.api.NewActivity;
import org.activitylog.spi.StoredActivities;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Brightidea's JSON for activities that are not Brightidea's own. */
@DisplayName("Brightidea JSON of any activity")
class BrightideaFormatTest {
  private final BrightideaFormat json = BrightideaFormat.json();

  @Test
  @DisplayName(
      "an AISquare activity is written with its code, text and user, absent fields left out")
  void aisquareActivity() {
    NewActivity draft = SeedExamples.aisquareLogin(3);

    JsonNode written =
        Fixtures.tree(json.writeActivity(StoredActivities.created(1, draft))).get("activity");

    assertThat(written.get("type").textValue()).isEqualTo("100");
    assertThat(written.get("id").textValue()).isEqualTo("5F0C2A52-8A0E-4C39-9D51-7F0E3C1F2B11");
    assertThat(written.get("date_created").textValue()).isEqualTo("2026-01-01 09:30:00.123");
    assertThat(written.get("text").textValue()).startsWith("User logged in");
    assertThat(written.get("user").get("username").textValue()).isEqualTo("johndoe");
    assertThat(written.get("user").has("theme")).as("absent theme is left out").isFalse();
    assertThat(written.has("member")).isFalse();
    assertThat(written.has("resource")).isFalse();
  }

  @Test
  @DisplayName("an AISquare activity reads back with the same type, actor and text")
  void aisquareActivityReadsBack() {
    NewActivity draft = SeedExamples.aisquareLogin(3);

    NewActivity read = json.readActivity(json.writeActivity(StoredActivities.created(1, draft)), 3);

    assertThat(read.content().type()).isEqualTo(draft.content().type());
    assertThat(read.content().actor()).isEqualTo(draft.content().actor());
    assertThat(read.content().text()).isEqualTo(draft.content().text());
    assertThat(read.uid()).isEqualTo(draft.uid());
  }

  @Test
  @DisplayName("the factories report their name, media type and zone")
  void factories() {
    ZoneId paris = ZoneId.of("Europe/Paris");

    assertThat(BrightideaFormat.json().zone()).isEqualTo(BrightideaFormat.DEFAULT_ZONE);
    assertThat(BrightideaFormat.json(paris).zone()).isEqualTo(paris);
    assertThat(BrightideaFormat.xml(paris).zone()).isEqualTo(paris);
    assertThat(BrightideaFormat.json().mediaType()).isEqualTo("application/json; charset=UTF-8");
    assertThat(BrightideaFormat.forName("Json", paris).name()).isEqualTo("json");
  }
}
