package org.activitylog.server;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.activitylog.api.ActorRef;
import org.activitylog.api.ValidationException;
import org.activitylog.core.Requester;
import org.activitylog.http.Authenticator;
import org.jspecify.annotations.Nullable;

/**
 * The reference server's bearer tokens, read from a text file ({@code --tokens FILE}) or from the
 * environment ({@code ACTIVITYLOG_TOKENS}, the same lines). One token a line:
 *
 * <pre>
 * # token                          name   readable  writable  [actor]
 * 5a0c7e1e9b2d4f6a8c3e1d7b9f2a4c6e  alice  1,2       1
 * 0d9f8e7c6b5a4f3e2d1c0b9a8f7e6d5c  bob    3         3         member:3f1e…
 * 7b6a5f4e3d2c1b0a9f8e7d6c5b4a3f2e  audit  1,2,3     -         user:42
 * </pre>
 *
 * <ul>
 *   <li>Fields are separated by spaces or tabs. Blank lines and lines starting with {@code #} are
 *       skipped.
 *   <li><b>token</b>: 16 to 512 characters of RFC 6750's token alphabet (letters, digits and {@code
 *       - . _ ~ + /}, then optional {@code =}); unique in the table.
 *   <li><b>name</b>: the requester's name, written to {@code created_by} and the other audit
 *       fields; letters, digits and {@code . _ @ -}.
 *   <li><b>readable</b>, <b>writable</b>: workspace group ids separated by commas, no spaces, or
 *       {@code -} for none. A writable group is also readable.
 *   <li><b>actor</b> (optional): the requester's own actor, {@code user:<number>} or {@code
 *       member:<uuid>}, which {@code following} follows from; without it, a member id derived from
 *       the name (the same name always gets the same id).
 * </ul>
 *
 * <p>An error names the line and the field, never the token. Tokens are kept only as SHA-256
 * digests and compared in constant time: every entry is compared for every request.
 */
public final class TokenTable implements Authenticator {
  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9._~+/-]+=*");
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._@-]{1,100}");
  private static final Pattern GROUPS = Pattern.compile("-|[0-9]{1,18}(,[0-9]{1,18})*");
  private static final int MIN_TOKEN = 16;
  private static final int MAX_TOKEN = 512;
  private static final TokenTable EMPTY = new TokenTable(List.of());

  private final List<Entry> entries;

  private record Entry(byte[] digest, Requester requester) {}

  private TokenTable(List<Entry> entries) {
    this.entries = List.copyOf(entries);
  }

  /** {@return a table with no token} */
  public static TokenTable empty() {
    return EMPTY;
  }

  /**
   * Reads a token file, in UTF-8.
   *
   * @param file the file
   * @return the table
   * @throws ValidationException naming {@code --tokens} and the line when a line is wrong, or when
   *     the file cannot be read
   */
  public static TokenTable read(Path file) {
    String text;
    try {
      byte[] bytes = Files.readAllBytes(file);
      text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new ValidationException("--tokens", "must name a UTF-8 text file");
    } catch (IOException e) {
      throw new ValidationException(
          "--tokens", "must name a readable file", file.toAbsolutePath().toString());
    }
    return parse(text, "--tokens");
  }

  /**
   * Parses the lines of a table.
   *
   * @param text the table, one token a line
   * @param source where the text came from, for errors: {@code --tokens} or {@code
   *     ACTIVITYLOG_TOKENS}
   * @return the table
   * @throws ValidationException naming the source and the line when a line is wrong
   */
  public static TokenTable parse(String text, String source) {
    List<Entry> entries = new ArrayList<>();
    Map<String, Integer> lineOfDigest = new HashMap<>();
    String[] lines = text.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int number = i + 1;
      String[] fields = line.split("[ \t]+");
      if (fields.length < 4 || fields.length > 5) {
        throw error(
            source,
            number,
            "must have 4 or 5 fields (token name readable writable [actor]), has " + fields.length);
      }
      String token = fields[0];
      if (token.length() < MIN_TOKEN
          || token.length() > MAX_TOKEN
          || !TOKEN.matcher(token).matches()) {
        throw error(
            source,
            number,
            "the token must be "
                + MIN_TOKEN
                + " to "
                + MAX_TOKEN
                + " letters, digits or - . _ ~ + / (then optional =)");
      }
      String name = fields[1];
      if (!NAME.matcher(name).matches()) {
        throw error(
            source,
            number,
            "the name must be 1 to 100 letters, digits or . _ @ - (was " + name + ")");
      }
      Set<Long> readable = groups(fields[2], source, number, "readable");
      Set<Long> writable = groups(fields[3], source, number, "writable");
      ActorRef actor;
      if (fields.length == 5) {
        try {
          actor = ActorRef.parse(fields[4]);
        } catch (ValidationException e) {
          throw error(source, number, "the actor must be user:<number> or member:<uuid>");
        }
      } else {
        actor =
            ActorRef.member(
                UUID.nameUUIDFromBytes(
                    ("activitylog-token-name:" + name).getBytes(StandardCharsets.UTF_8)));
      }
      byte[] digest = digest(token);
      String key = HexFormat.of().formatHex(digest);
      Integer previous = lineOfDigest.putIfAbsent(key, number);
      if (previous != null) {
        throw error(source, number, "repeats the token of line " + previous);
      }
      entries.add(new Entry(digest, Requester.user(actor, name, readable, writable)));
    }
    return new TokenTable(entries);
  }

  private static Set<Long> groups(String text, String source, int line, String which) {
    if (!GROUPS.matcher(text).matches()) {
      throw error(
          source,
          line,
          "the "
              + which
              + " groups must be group ids separated by commas, or - for none (was "
              + text
              + ")");
    }
    if (text.equals("-")) {
      return Set.of();
    }
    Set<Long> groups = new LinkedHashSet<>();
    for (String id : text.split(",")) {
      groups.add(Long.parseLong(id));
    }
    return groups;
  }

  private static ValidationException error(String source, int line, String rule) {
    return new ValidationException(source, "line " + line + ": " + rule);
  }

  /** {@return how many tokens the table holds} */
  public int size() {
    return entries.size();
  }

  /** {@return the requesters, in the order of their lines} */
  public List<Requester> requesters() {
    return entries.stream().map(Entry::requester).toList();
  }

  /**
   * {@inheritDoc}
   *
   * <p>Compares the token's digest with every entry's, in constant time, whatever matches.
   */
  @Override
  public Optional<Requester> authenticate(String token) {
    byte[] digest = digest(token);
    @Nullable Requester found = null;
    for (Entry entry : entries) {
      if (MessageDigest.isEqual(entry.digest(), digest) && found == null) {
        found = entry.requester();
      }
    }
    return Optional.ofNullable(found);
  }

  /** Never the tokens. */
  @Override
  public String toString() {
    return "TokenTable[" + entries.size() + " tokens]";
  }

  private static byte[] digest(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
