package org.activitylog.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.activitylog.api.Sort.Direction;
import org.activitylog.api.Sort.Field;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SortTest {

  @ParameterizedTest(name = "\"{0}\" orders by {1} {2}")
  @CsvSource({
    "date_created ASC, DATE_CREATED, ASC",
    "date_created desc, DATE_CREATED, DESC",
    "id Desc, ID, DESC",
    "id, ID, ASC",
    "DATE_CREATED, DATE_CREATED, ASC",
  })
  @DisplayName("SQL-style order text parses with case-insensitive keywords")
  void parses(String text, Field field, Direction direction) {
    assertThat(Sort.parse(text)).isEqualTo(new Sort(field, direction));
  }

  @Test
  @DisplayName("The default is newest first")
  void defaultIsNewestFirst() {
    assertThat(Sort.DEFAULT.toString()).isEqualTo("date_created DESC");
  }

  @ParameterizedTest(name = "\"{0}\" is rejected")
  @ValueSource(
      strings = {
        "name ASC",
        "id; DROP TABLE activity",
        "date_created ASC, id",
        "id UP",
        "date_created ASC NULLS FIRST",
        "created_at DESC",
        "",
        " ",
        "id aſc",
        "date_created DEſC",
        "ıd",
        "İD ASC",
        "id\tASC",
        "id\nASC",
        "id  ASC",
        " id ASC",
        "id ASC ",
        "date_created\u00a0ASC",
        "id ASC\n",
        "id \u212aSC"
      })
  @DisplayName(
      "Anything but id or date_created, then optionally one space and ASC or DESC, in ASCII case,"
          + " is a validation error on order")
  void rejects(String text) {
    assertThatThrownBy(() -> Sort.parse(text))
        .isInstanceOf(ValidationException.class)
        .extracting(e -> ((ValidationException) e).field())
        .isEqualTo("order");
  }

  @Test
  @DisplayName("100,000 trailing spaces are refused, and the message echoes only a short prefix")
  void longTrailingSpace() {
    String text = "id ASC" + " ".repeat(100_000);
    assertThatThrownBy(() -> Sort.parse(text))
        .isInstanceOf(ValidationException.class)
        .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(300));
  }
}
