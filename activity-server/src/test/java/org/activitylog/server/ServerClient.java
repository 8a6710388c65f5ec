package org.activitylog.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;

/** A java.net.http client of a running server, and JSON helpers for its answers. */
final class ServerClient {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final URI base;

  ServerClient(URI base) {
    this.base = base;
  }

  HttpResponse<String> get(String target, String token) {
    return send("GET", target, token, null, (byte[]) null);
  }

  HttpResponse<String> send(
      String method, String target, String token, String contentType, byte[] body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(target))
            .timeout(Duration.ofSeconds(30))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    try {
      return client.send(
          request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  HttpResponse<String> send(
      String method, String target, String token, String contentType, String body) {
    return send(method, target, token, contentType, body.getBytes(StandardCharsets.UTF_8));
  }

  static JsonNode json(HttpResponse<String> response) {
    try {
      return MAPPER.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException("not JSON: " + response.body(), e);
    }
  }

  /** {@return a JSON text as a tree, such as a seed example from {@code SeedExamples}} */
  static JsonNode tree(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The tree without null members: the seeds show some absent values as null, others not at all.
   */
  static JsonNode withoutNulls(JsonNode node) {
    JsonNode copy = node.deepCopy();
    strip(copy);
    return copy;
  }

  private static void strip(JsonNode node) {
    if (node instanceof ObjectNode object) {
      Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        if (field.getValue().isNull()) {
          fields.remove();
        } else {
          strip(field.getValue());
        }
      }
    } else if (node instanceof ArrayNode array) {
      array.forEach(ServerClient::strip);
    }
  }

  /**
   * The JSON pointers of the null members: with {@link #withoutNulls}, a comparison that also
   * checks every member the seed writes as {@code null} is written as {@code null}.
   */
  static java.util.Set<String> nullMembers(JsonNode node) {
    java.util.Set<String> nulls = new java.util.TreeSet<>();
    collectNulls(node, "", nulls);
    return nulls;
  }

  private static void collectNulls(JsonNode node, String at, java.util.Set<String> nulls) {
    if (node instanceof ObjectNode object) {
      object
          .properties()
          .forEach(
              e -> {
                if (e.getValue().isNull()) {
                  nulls.add(at + "/" + e.getKey());
                } else {
                  collectNulls(e.getValue(), at + "/" + e.getKey(), nulls);
                }
              });
    } else if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        collectNulls(array.get(i), at + "/" + i, nulls);
      }
    }
  }
}
