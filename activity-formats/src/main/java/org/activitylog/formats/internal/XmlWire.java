package org.activitylog.formats.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.xml.XmlFactory;
import com.fasterxml.jackson.dataformat.xml.XmlMapper;
import com.fasterxml.jackson.dataformat.xml.ser.ToXmlGenerator;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.activitylog.api.ValidationException;
import org.jspecify.annotations.Nullable;

/**
 * Parses and prints XML bodies. Parsing refuses any document type declaration, so no DTD is read
 * and no entity, internal or external, is ever expanded; external entities and DTD support are also
 * switched off in the parser itself. Failures become a {@link ValidationException} naming {@code
 * body}, never the parser's own message.
 */
public final class XmlWire {
  private static final XMLInputFactory INPUT = hardenedInput();
  private static final XmlMapper MAPPER =
      new XmlMapper(
          XmlFactory.builder()
              .xmlInputFactory(INPUT)
              .streamReadConstraints(
                  StreamReadConstraints.builder()
                      .maxDocumentLength(WireLimits.MAX_BODY_CHARS)
                      .maxNestingDepth(WireLimits.MAX_NESTING)
                      .maxStringLength(WireLimits.MAX_BODY_CHARS)
                      .build())
              .enable(ToXmlGenerator.Feature.WRITE_XML_DECLARATION)
              .build());

  private XmlWire() {}

  /**
   * Prints an XML-layout tree under a root element.
   *
   * @param root the root element's name
   * @param tree the root's content, in {@link XmlLayout}
   * @return the XML document
   */
  public static String write(String root, ObjectNode tree) {
    try {
      return MAPPER.writer().withRootName(root).writeValueAsString(tree);
    } catch (JsonProcessingException e) {
      // Names are fixed and text is sanitized, so this would be a bug here, not bad input.
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Parses a body into the content of its root element: elements become members, text becomes
   * strings, repeated elements become arrays.
   *
   * @param body the body
   * @return the root element's content
   * @throws ValidationException naming {@code body} when it is empty, too large, malformed or
   *     declares a document type
   */
  public static ObjectNode parseObject(String body) {
    if (body.length() > WireLimits.MAX_BODY_CHARS) {
      throw JsonWire.tooLarge();
    }
    if (body.isBlank()) {
      throw new ValidationException(JsonWire.BODY, "is required: send an XML document");
    }
    @Nullable XMLStreamReader reader = null;
    try {
      reader =
          INPUT.createFilteredReader(
              INPUT.createXMLStreamReader(new StringReader(body)), XmlWire::refuseDtd);
      JsonNode tree = MAPPER.readTree(MAPPER.getFactory().createParser(reader));
      // Jackson stops at the root's end tag; whatever follows must still be well-formed.
      while (reader.hasNext()) {
        reader.next();
      }
      if (tree instanceof ObjectNode object) {
        return object;
      }
      if (tree != null && tree.isTextual() && tree.textValue().isBlank()) {
        return MAPPER.createObjectNode();
      }
      throw new ValidationException(JsonWire.BODY, "must be an XML element with child elements");
    } catch (DtdRefused e) {
      throw dtdRefused();
    } catch (IOException | XMLStreamException e) {
      if (causedByDtd(e)) {
        throw dtdRefused();
      }
      throw new ValidationException(JsonWire.BODY, "must be well-formed XML");
    } finally {
      close(reader);
    }
  }

  private static ValidationException dtdRefused() {
    return new ValidationException(JsonWire.BODY, "must not contain a document type declaration");
  }

  private static boolean refuseDtd(XMLStreamReader reader) {
    int event = reader.getEventType();
    // Without a DTD no entity can be declared; refusing references too keeps that true even if a
    // parser reported an undeclared one instead of failing.
    if (event == XMLStreamConstants.DTD || event == XMLStreamConstants.ENTITY_REFERENCE) {
      throw new DtdRefused();
    }
    return true;
  }

  private static boolean causedByDtd(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof DtdRefused) {
        return true;
      }
    }
    return false;
  }

  private static void close(@Nullable XMLStreamReader reader) {
    if (reader != null) {
      try {
        reader.close();
      } catch (XMLStreamException e) {
        // Reading a string holds no resource worth reporting.
      }
    }
  }

  private static XMLInputFactory hardenedInput() {
    XMLInputFactory factory = XMLInputFactory.newFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setXMLResolver(
        (publicId, systemId, baseUri, namespace) -> {
          throw new XMLStreamException("external resources are not read");
        });
    return factory;
  }

  /** Thrown from the stream filter when a document type declaration arrives. */
  private static final class DtdRefused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    DtdRefused() {
      super("document type declarations are refused", null, false, false);
    }
  }
}
