package org.activitylog.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PageRequestTest {

  @Test
  @DisplayName("Defaults are page 1 of 20")
  void defaults() {
    assertThat(PageRequest.DEFAULT).isEqualTo(PageRequest.of(1, 20));
  }

  @Test
  @DisplayName(
      "page_size and page must be at least 1, each error naming its parameter; the model sets no"
          + " upper bound (the facade does)")
  void bounds() {
    assertThat(PageRequest.of(1, 1).size()).isEqualTo(1);
    assertThat(PageRequest.of(7, 100).offset()).isEqualTo(600);
    assertThat(PageRequest.of(2, 5_000).offset()).isEqualTo(5_000);
    assertThat(PageRequest.of(Integer.MAX_VALUE, Integer.MAX_VALUE).offset())
        .isEqualTo((long) (Integer.MAX_VALUE - 1) * Integer.MAX_VALUE);
    assertThatThrownBy(() -> PageRequest.of(1, 0)).hasMessageStartingWith("page_size");
    assertThatThrownBy(() -> PageRequest.of(0, 20)).hasMessageStartingWith("page ");
  }

  @Test
  @DisplayName("page_count rounds up and is 0 for an empty listing")
  void pageCount() {
    assertThat(Page.of(List.of(), 0, PageRequest.of(1, 20)).pageCount()).isZero();
    assertThat(Page.of(List.of(), 40, PageRequest.of(3, 20)).pageCount()).isEqualTo(2);
    assertThat(Page.of(List.of(), 41, PageRequest.of(3, 20)).pageCount()).isEqualTo(3);
    assertThat(Page.of(List.of(), 5, PageRequest.of(1, 2)).pageCount()).isEqualTo(3);
  }
}
