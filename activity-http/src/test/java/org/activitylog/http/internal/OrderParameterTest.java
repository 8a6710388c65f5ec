package org.activitylog.http.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.activitylog.api.Sort;
import org.activitylog.api.Sort.Direction;
import org.activitylog.api.Sort.Field;
import org.activitylog.api.ValidationException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Brightidea's SQL-style {@code order} text, as the LIST parameters read it. */
class OrderParameterTest {

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
    assertThat(Parameters.order(text)).isEqualTo(new Sort(field, direction));
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
    assertThatThrownBy(() -> Parameters.order(text))
        .isInstanceOf(ValidationException.class)
        .extracting(e -> ((ValidationException) e).field())
        .isEqualTo("order");
  }

  @Test
  @DisplayName("100,000 trailing spaces are refused, and the message echoes only a short prefix")
  void longTrailingSpace() {
    String text = "id ASC" + " ".repeat(100_000);
    assertThatThrownBy(() -> Parameters.order(text))
        .isInstanceOf(ValidationException.class)
        .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(300));
  }
}
