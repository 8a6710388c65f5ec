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
    "'  id   Desc ', ID, DESC",
    "id, ID, ASC",
    "DATE_CREATED, DATE_CREATED, ASC",
  })
  @DisplayName("SQL-style order text parses with case-insensitive keywords")
  void parses(String text, Field field, Direction direction) {
    assertThat(Sort.parse(text)).isEqualTo(new Sort(field, direction));
  }

  @Test
  @DisplayName("Blank order text means the default, newest first")
  void blankIsDefault() {
    assertThat(Sort.parse(" ")).isEqualTo(Sort.DEFAULT);
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
        "created_at DESC"
      })
  @DisplayName("Anything but id or date_created with ASC or DESC is a validation error on order")
  void rejects(String text) {
    assertThatThrownBy(() -> Sort.parse(text))
        .isInstanceOf(ValidationException.class)
        .extracting(e -> ((ValidationException) e).field())
        .isEqualTo("order");
  }
}
