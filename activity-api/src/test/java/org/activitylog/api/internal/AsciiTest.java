package org.activitylog.api.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AsciiTest {
  @Test
  @DisplayName("only the 26 ASCII letters change case")
  void foldsAsciiOnly() {
    assertThat(Ascii.toUpperCase("post_idea-1")).isEqualTo("POST_IDEA-1");
    assertThat(Ascii.toLowerCase("Date_Created")).isEqualTo("date_created");
    assertThat(Ascii.toUpperCase("a\u017f\u0131\u00e9")).isEqualTo("A\u017f\u0131\u00e9");
    assertThat(Ascii.toLowerCase("\u0130\u212a\u00c9")).isEqualTo("\u0130\u212a\u00c9");
  }

  @Test
  @DisplayName("equality ignores ASCII case and nothing else")
  void equalsIgnoringAsciiCase() {
    assertThat(Ascii.equalsIgnoreCase("xml", "XmL")).isTrue();
    assertThat(Ascii.equalsIgnoreCase("asc", "a\u017fc")).isFalse(); // long s
    assertThat(Ascii.equalsIgnoreCase("id", "\u0131d")).isFalse(); // dotless i
    assertThat(Ascii.equalsIgnoreCase("k", "\u212a")).isFalse(); // Kelvin sign
    assertThat(Ascii.equalsIgnoreCase("json", "json ")).isFalse();
  }
}
