package org.activitylog.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.activitylog.formats.SeedExamples;

/**
 * The seed's {@code UserActivity} schema, taken from the OpenAPI document of the AISquare seed
 * ({@link SeedExamples#aisquareOpenApi()}), checked by networknt's JSON Schema validator with
 * OpenAPI 3.1's dialect and every {@code format} asserted ({@code uuid}, {@code date-time}, {@code
 * email}, {@code uri}). The same checker as activity-http's tests use on every AISquare answer
 * there; kept apart because the project ships no test-jars.
 */
final class UserActivitySchema {
  private static final Schema SCHEMA = load();

  private UserActivitySchema() {}

  /**
   * {@return what is wrong with a body, one line per error; empty when it validates}
   *
   * @param body a JSON text
   */
  static List<String> errors(String body) {
    return SCHEMA.validate(body, InputFormat.JSON).stream().map(Error::toString).toList();
  }

  private static Schema load() {
    try {
      ObjectNode openApi = (ObjectNode) new YAMLMapper().readTree(SeedExamples.aisquareOpenApi());
      // The component schemas under the same JSON pointer, so the document's own $refs resolve.
      ObjectNode document = new ObjectMapper().createObjectNode();
      document.put("$ref", "#/components/schemas/UserActivity");
      document.putObject("components").set("schemas", openApi.path("components").path("schemas"));
      SchemaRegistry registry =
          SchemaRegistry.withDialect(
              Dialects.getOpenApi31(),
              builder ->
                  builder.schemaRegistryConfig(
                      SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
      return registry.getSchema(document.toString(), InputFormat.JSON);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
