package org.activitylog.formats;

import static org.assertj.core.api.Assertions.assertThat;

import org.activitylog.api.NotFoundException;
import org.activitylog.api.ValidationException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The error body both formats answer with. */
@DisplayName("Error bodies")
class ErrorBodyTest {

  @Test
  @DisplayName("a validation error gives its message and its field")
  void validationError() {
    ErrorBody body =
        ErrorBody.of(new ValidationException("page_size", "must be between 1 and 100", 0));

    assertThat(body.field()).isEqualTo("page_size");
    assertThat(Fixtures.tree(body.toJson()).toString())
        .isEqualTo(
            "{\"error\":{\"message\":\"page_size must be between 1 and 100 (was \\\"0\\\")\","
                + "\"field\":\"page_size\"}}");
  }

  @Test
  @DisplayName("an error about no one field leaves field out")
  void noField() {
    ErrorBody body = ErrorBody.of(new NotFoundException());

    assertThat(body.field()).isNull();
    assertThat(Fixtures.tree(body.toJson()).get("error").has("field")).isFalse();
    assertThat(Fixtures.tree(body.toJson()).at("/error/message").textValue())
        .isEqualTo(new NotFoundException().getMessage());
    assertThat(body.toXml()).doesNotContain("<field>");
  }

  @Test
  @DisplayName("the XML form is <error> with <message> and <field>")
  void xml() {
    String written = new ErrorBody("bad & <worse>", "order").toXml();

    assertThat(written)
        .isEqualTo(
            "<?xml version='1.0' encoding='UTF-8'?><error><message>bad &amp; &lt;worse></message>"
                + "<field>order</field></error>");
    assertThat(BrightideaFormat.xml().writeError(new ErrorBody("m", null)))
        .isEqualTo(new ErrorBody("m", null).toXml());
    assertThat(BrightideaFormat.json().writeError(new ErrorBody("m", null)))
        .isEqualTo("{\"error\":{\"message\":\"m\"}}");
  }

  @Test
  @DisplayName("a message with quotes and control characters stays valid JSON")
  void jsonEscaping() {
    String message = "a \"quoted\" \\ back\u0000slash\n";

    assertThat(
            Fixtures.tree(new ErrorBody(message, null).toJson()).at("/error/message").textValue())
        .isEqualTo(message);
  }
}
