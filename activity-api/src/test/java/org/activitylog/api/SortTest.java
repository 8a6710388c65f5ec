package org.activitylog.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.activitylog.api.Sort.Direction;
import org.activitylog.api.Sort.Field;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SortTest {

  @Test
  @DisplayName("The default is newest first")
  void defaultIsNewestFirst() {
    assertThat(Sort.DEFAULT).isEqualTo(new Sort(Field.DATE_CREATED, Direction.DESC));
    assertThat(Sort.DEFAULT.toString()).isEqualTo("DATE_CREATED DESC");
  }

  @Test
  @DisplayName("A sort needs both a field and a direction, and names order when one is missing")
  void requiresBothParts() {
    assertThatThrownBy(() -> new Sort(null, Direction.ASC))
        .isInstanceOf(ValidationException.class)
        .extracting(e -> ((ValidationException) e).field())
        .isEqualTo("order");
    assertThatThrownBy(() -> new Sort(Field.ID, null))
        .isInstanceOf(ValidationException.class)
        .extracting(e -> ((ValidationException) e).field())
        .isEqualTo("order");
  }
}
