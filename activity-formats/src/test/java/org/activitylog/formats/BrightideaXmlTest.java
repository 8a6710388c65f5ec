package org.activitylog.formats;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.activitylog.api.Activity;
import org.activitylog.api.ActivityType;
import org.activitylog.api.Member;
import org.activitylog.api.NewActivity;
import org.activitylog.api.Page;
import org.activitylog.api.UserSimple;
import org.activitylog.api.ValidationException;
import org.activitylog.spi.StoredActivities;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Brightidea's {@code format=xml}: the same data as the JSON, safe to write and to read. */
@DisplayName("Brightidea XML")
class BrightideaXmlTest {
  private static final long WORKSPACE = 5;
  private final BrightideaFormat xml = BrightideaFormat.xml();

  /** Parses with the JDK's own parser, so the output is checked by something other than itself. */
  static Document parse(String text) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      return factory
          .newDocumentBuilder()
          .parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    } catch (Exception e) {
      throw new AssertionError("output is not well-formed XML: " + e.getMessage() + "\n" + text, e);
    }
  }

  static List<String> childNames(Element element) {
    List<String> names = new ArrayList<>();
    for (Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element child) {
        names.add(child.getTagName());
      }
    }
    return names;
  }

  static Element child(Element parent, String name) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && e.getTagName().equals(name)) {
        return e;
      }
    }
    throw new AssertionError("no <" + name + "> in <" + parent.getTagName() + ">");
  }

  static Activity stored(long id, NewActivity draft) {
    return StoredActivities.created(id, draft);
  }

  @Nested
  @DisplayName("layout")
  class Layout {
    @Test
    @DisplayName("one activity is an <activity> root with the JSON's members as elements, in order")
    void singleActivity() {
      Document doc =
          parse(xml.writeActivity(stored(1, SeedExamples.brightideaPostIdea(WORKSPACE))));

      Element root = doc.getDocumentElement();
      assertThat(root.getTagName()).isEqualTo("activity");
      assertThat(childNames(root))
          .containsExactly(
              "type",
              "id",
              "date_created",
              "idea_id",
              "campaign_id",
              "campaign_name",
              "idea_title",
              "category_name",
              "anonymous",
              "team_submission",
              "member");
      assertThat(child(root, "id").getTextContent())
          .isEqualTo("D2136C62-B65E-40D2-ABD2-873AEF120514");
      assertThat(child(root, "date_created").getTextContent()).isEqualTo("2013-04-18 12:16:41.720");
      assertThat(child(root, "anonymous").getTextContent()).isEqualTo("false");
      assertThat(child(child(root, "member"), "screen_name").getTextContent())
          .isEqualTo("Max Power");
    }

    @Test
    @DisplayName("a page is a <response> root with <activity_list> wrapping <activity> and <stats>")
    void page() {
      List<NewActivity> updates = SeedExamples.brightideaUpdates(WORKSPACE);
      Page<Activity> page =
          new Page<>(List.of(stored(1, updates.get(0)), stored(2, updates.get(1))), 5, 1, 2);

      Element root = parse(xml.writePage(page)).getDocumentElement();

      assertThat(root.getTagName()).isEqualTo("response");
      assertThat(childNames(root)).containsExactly("activity_list", "stats");
      assertThat(childNames(child(root, "activity_list"))).containsExactly("activity", "activity");
      Element stats = child(root, "stats");
      assertThat(childNames(stats)).containsExactly("total", "page_count", "current_page");
      assertThat(child(stats, "total").getTextContent()).isEqualTo("5");
      assertThat(child(stats, "page_count").getTextContent()).isEqualTo("3");
      Element first = child(child(root, "activity_list"), "activity");
      assertThat(childNames(child(first, "hifive"))).containsExactly("hifive");
      assertThat(childNames(child(first, "comments"))).containsExactly("comment");
      assertThat(child(child(child(first, "comments"), "comment"), "comment").getTextContent())
          .isEqualTo("Here is my comment");
    }

    @Test
    @DisplayName("an empty page has an empty <activity_list> and its stats")
    void emptyPage() {
      String written = xml.writePage(new Page<Activity>(List.of(), 0, 1, 20));

      Element root = parse(written).getDocumentElement();
      assertThat(childNames(child(root, "activity_list"))).isEmpty();
      assertThat(child(child(root, "stats"), "page_count").getTextContent()).isEqualTo("0");
      assertThat(xml.readList(written, WORKSPACE)).isEmpty();
    }

    @Test
    @DisplayName("the media type says XML and UTF-8, and the document declares UTF-8")
    void mediaType() {
      assertThat(xml.mediaType()).isEqualTo("application/xml; charset=UTF-8");
      assertThat(xml.writeActivity(stored(1, SeedExamples.brightideaPostIdea(1))))
          .startsWith("<?xml version='1.0' encoding='UTF-8'?>");
    }
  }

  @Nested
  @DisplayName("round trip")
  class RoundTrip {
    @Test
    @DisplayName("each seed activity written as XML reads back equal")
    void seedActivities() {
      List<NewActivity> drafts = new ArrayList<>();
      drafts.add(SeedExamples.brightideaPostIdea(WORKSPACE));
      drafts.addAll(SeedExamples.brightideaUpdates(WORKSPACE));
      for (NewActivity draft : drafts) {
        assertThat(xml.readActivity(xml.writeActivity(stored(1, draft)), WORKSPACE))
            .isEqualTo(draft);
      }
    }

    @Test
    @DisplayName("the LIST example read from JSON, written as XML, reads back the same activities")
    void listExample() {
      List<NewActivity> fromJson =
          BrightideaFormat.json().readList(SeedExamples.brightideaListActivity(), WORKSPACE);

      String written =
          xml.writePage(
              new Page<>(List.of(stored(1, fromJson.get(0)), stored(2, fromJson.get(1))), 5, 1, 2));

      assertThat(xml.readList(written, WORKSPACE)).isEqualTo(fromJson);
    }

    @Test
    @DisplayName("an AISquare user as actor is written as <user> and reads back equal")
    void aisquareUser() {
      NewActivity draft = SeedExamples.aisquareLogin(WORKSPACE);

      String written = xml.writeActivity(stored(1, draft));
      NewActivity read = xml.readActivity(written, WORKSPACE);

      assertThat(childNames(parse(written).getDocumentElement()))
          .contains("user")
          .doesNotContain("member");
      assertThat(read.content().actor()).isEqualTo(draft.content().actor());
      assertThat(read.content().type()).isEqualTo(ActivityType.USER_LOGIN);
      assertThat(read.content().text()).isEqualTo(draft.content().text());
      assertThat(read.uid()).isEqualTo(draft.uid());
    }

    @Test
    @DisplayName("whitespace and empty strings survive")
    void whitespace() {
      NewActivity draft =
          NewActivity.builder(ActivityType.POST_ON_WALL, Member.of(UUID.randomUUID(), "  "))
              .uid(UUID.randomUUID())
              .workspaceGroupId(WORKSPACE)
              .createdAt(java.time.Instant.parse("2020-01-01T00:00:00Z"))
              .text("  two\n lines\r\n\tand tabs  ")
              .extensions(BrightideaDetails.builder().ideaId("").build().toExtensions())
              .build();

      assertThat(xml.readActivity(xml.writeActivity(stored(1, draft)), WORKSPACE)).isEqualTo(draft);
    }
  }

  @Nested
  @DisplayName("hostile text")
  class HostileText {
    private static final String HOSTILE =
        "<b>&amp; ]]> \"q\" 'a' </activity><!DOCTYPE x [<!ENTITY e \"x\">]>&e; <![CDATA[ ]]>";

    NewActivity withText(String text, String screenName) {
      Member member = Member.builder(UUID.randomUUID()).screenName(screenName).build();
      return NewActivity.builder(ActivityType.POST_UPDATE, member)
          .uid(UUID.randomUUID())
          .workspaceGroupId(WORKSPACE)
          .createdAt(java.time.Instant.parse("2020-01-01T00:00:00Z"))
          .text(text)
          .extensions(
              BrightideaDetails.builder()
                  .updateId(text)
                  .comments(List.of(new Comment(text, text, null, text, member)))
                  .attachment(new Attachment(text, null, null, text, null, text, null))
                  .build()
                  .toExtensions())
          .build();
    }

    @Test
    @DisplayName("markup characters, quotes and ]]> are escaped and read back unchanged")
    void markupIsEscaped() {
      NewActivity draft = withText(HOSTILE, HOSTILE);

      String written = xml.writeActivity(stored(1, draft));

      Element root = parse(written).getDocumentElement();
      assertThat(child(root, "text").getTextContent()).isEqualTo(HOSTILE);
      assertThat(child(child(root, "member"), "screen_name").getTextContent()).isEqualTo(HOSTILE);
      assertThat(childNames(root)).doesNotContain("b");
      assertThat(xml.readActivity(written, WORKSPACE)).isEqualTo(draft);
    }

    @Test
    @DisplayName(
        "characters XML 1.0 cannot carry are replaced by U+FFFD and the document still parses")
    void invalidCharactersAreReplaced() {
      // Unpaired surrogates never reach a writer: the model refuses them (HostileInputTest).
      String text = "a\u0000b\u0001c\u0008d\u000Be\u001Ff\uFFFEg\uFFFFh";
      String expected = "a\uFFFDb\uFFFDc\uFFFDd\uFFFDe\uFFFDf\uFFFDg\uFFFDh";

      String written = xml.writeActivity(stored(1, withText(text, text)));

      Element root = parse(written).getDocumentElement();
      assertThat(child(root, "text").getTextContent()).isEqualTo(expected);
      assertThat(child(child(root, "member"), "screen_name").getTextContent()).isEqualTo(expected);
      Element comment = child(child(root, "comments"), "comment");
      assertThat(child(comment, "comment").getTextContent()).isEqualTo(expected);
      assertThat(child(child(root, "attachment"), "url").getTextContent()).isEqualTo(expected);
      assertThat(xml.readActivity(written, WORKSPACE).content().text()).isEqualTo(expected);
    }

    @Test
    @DisplayName("tabs, line breaks, carriage returns and characters beyond the BMP are kept")
    void allowedCharactersAreKept() {
      String text = "tab\there\nnew line\r\nCRLF \uD83D\uDE00 \u00e9 \u4e2d";

      String written = xml.writeActivity(stored(1, withText(text, "x")));

      assertThat(child(parse(written).getDocumentElement(), "text").getTextContent())
          .isEqualTo(text);
      assertThat(xml.readActivity(written, WORKSPACE).content().text()).isEqualTo(text);
    }

    @Test
    @DisplayName("an error body with hostile text is well-formed XML and keeps the text")
    void errorBody() {
      String written = xml.writeError(new ErrorBody(HOSTILE + "\u0001", "page_size"));

      Element root = parse(written).getDocumentElement();
      assertThat(root.getTagName()).isEqualTo("error");
      assertThat(child(root, "message").getTextContent()).isEqualTo(HOSTILE + "\uFFFD");
      assertThat(child(root, "field").getTextContent()).isEqualTo("page_size");
    }
  }

  @Nested
  @DisplayName("reading safely")
  class ReadingSafely {
    private static final String ACTIVITY_BODY =
        "<type>POST_IDEA</type><member><id>B471BFED-BCC2-49CC-A917-5F09AA73EEB3</id></member>";

    ValidationException refused(String body) {
      try {
        xml.readActivity(body, WORKSPACE);
      } catch (ValidationException e) {
        assertThat(e.field()).isEqualTo("body");
        ValidationErrorsTest.assertSafe(e);
        return e;
      }
      throw new AssertionError("accepted: " + body);
    }

    @Test
    @DisplayName("an external entity is refused and the file is never read into the result")
    void externalEntity(@TempDir Path dir) throws IOException {
      Path secret = dir.resolve("secret.txt");
      Files.writeString(secret, "TOP-SECRET-CONTENT");
      String body =
          "<?xml version=\"1.0\"?><!DOCTYPE activity [<!ENTITY xxe SYSTEM \""
              + secret.toUri()
              + "\">]><activity>"
              + ACTIVITY_BODY
              + "<text>&xxe;</text></activity>";

      ValidationException e = refused(body);

      assertThat(e.getMessage()).doesNotContain("TOP-SECRET").contains("document type");
    }

    @Test
    @DisplayName("an external DTD and parameter entities are refused")
    void externalDtd(@TempDir Path dir) throws IOException {
      Path dtd = dir.resolve("evil.dtd");
      Files.writeString(dtd, "<!ENTITY leak \"LEAKED\">");

      refused(
          "<?xml version=\"1.0\"?><!DOCTYPE activity SYSTEM \""
              + dtd.toUri()
              + "\"><activity>"
              + ACTIVITY_BODY
              + "<text>&leak;</text></activity>");
      refused(
          "<?xml version=\"1.0\"?><!DOCTYPE activity [<!ENTITY % p SYSTEM \""
              + dtd.toUri()
              + "\"> %p;]><activity>"
              + ACTIVITY_BODY
              + "<text>&leak;</text></activity>");
    }

    @Test
    @DisplayName("internal entity expansion (billion laughs) is refused")
    void billionLaughs() {
      StringBuilder dtd = new StringBuilder("<!DOCTYPE activity [<!ENTITY l0 \"lol\">");
      for (int i = 1; i < 10; i++) {
        dtd.append("<!ENTITY l").append(i).append(" \"");
        dtd.append(("&l" + (i - 1) + ";").repeat(10)).append("\">");
      }
      dtd.append("]>");

      refused(dtd + "<activity>" + ACTIVITY_BODY + "<text>&l9;</text></activity>");
    }

    @Test
    @DisplayName("a harmless DOCTYPE is refused too: DTDs are off, not filtered")
    void anyDoctype() {
      refused("<!DOCTYPE activity><activity>" + ACTIVITY_BODY + "</activity>");
    }

    @Test
    @DisplayName(
        "an undeclared entity is refused; the predefined ones and character references work")
    void entities() {
      refused("<activity>" + ACTIVITY_BODY + "<text>&nbsp;</text></activity>");

      NewActivity read =
          xml.readActivity(
              "<activity>"
                  + ACTIVITY_BODY
                  + "<text>&lt;&amp;&gt;&quot;&apos;&#65;&#x42;</text></activity>",
              WORKSPACE);

      assertThat(read.content().text()).isEqualTo("<&>\"'AB");
    }

    @ParameterizedTest(name = "case {index}")
    @ValueSource(
        strings = {
          "",
          "not xml at all SECRET",
          "<activity><type>POST_IDEA</activity>",
          "<activity><type>POST_IDEA</type></activity> trailing SECRET",
          "<activity></activity><activity></activity>",
          "<activity><text>\u0001</text></activity>",
        })
    @DisplayName("malformed XML names body and leaks neither input nor parser internals")
    void malformed(String body) {
      assertThat(refused(body).getMessage()).doesNotContain("SECRET");
    }

    @Test
    @DisplayName("deep nesting and oversized bodies are refused")
    void limits() {
      refused("<activity>" + "<a>".repeat(5_000) + "</a>".repeat(5_000) + "</activity>");
      refused(
          "<activity><text>" + "x".repeat(BrightideaFormat.MAX_BODY_CHARS) + "</text></activity>");
    }

    @Test
    @DisplayName("a wrong value in XML names its field like the JSON does")
    void wrongValue() {
      ValidationException e =
          org.assertj.core.api.Assertions.catchThrowableOfType(
              ValidationException.class,
              () ->
                  xml.readActivity(
                      "<activity>" + ACTIVITY_BODY + "<anonymous>maybe</anonymous></activity>",
                      WORKSPACE));

      assertThat(e.field()).isEqualTo("anonymous");
      assertThat(e.rule()).contains("true or false");
    }

    @Test
    @DisplayName("a user's id and flags are parsed from text")
    void userFromText() {
      NewActivity read =
          xml.readActivity(
              "<activity><type>100</type><user><id>12</id><username>u</username>"
                  + "<email>u@example.org</email><first_time_login>true</first_time_login>"
                  + "<is_staff>false</is_staff></user></activity>",
              WORKSPACE);

      UserSimple user = (UserSimple) read.content().actor();
      assertThat(user.id()).isEqualTo(12);
      assertThat(user.firstTimeLogin()).isTrue();
      assertThat(user.isStaff()).isFalse();
      assertThat(user.isActive()).isNull();
    }
  }
}
