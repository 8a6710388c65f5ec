package org.activitylog.jdbc.internal;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * What makes an acknowledged write to an embedded H2 file survive a process kill, found in H2
 * 2.5.252's MVStore and proved by {@code CrashRecoveryTest}.
 *
 * <p>Two things are needed. First, {@code WRITE_DELAY=0}: with H2's default of 500 ms a commit only
 * marks the change in memory and a background thread writes it up to half a second later, so a kill
 * loses what was acknowledged in that window. With 0, the committing thread stores the change to
 * the file itself ({@code TransactionStore.endTransaction} calls {@code MVStore.commit()}). Second,
 * one writer at a time per database file: an MVStore store takes each map's root one after the
 * other, so a store that runs while another thread's transaction is half way through its table and
 * index maps can write a state in which that transaction's rows are in some maps and not in others,
 * and {@code MVStore.commit()} returns without storing when another thread's store ran while it
 * waited for the store lock. With writers serialised, every store runs on the thread of the only
 * transaction in flight, and that transaction's own commit stores it before the next writer starts.
 */
public final class H2Durability {
  /** The H2 file name the library uses in its directory ({@code activitylog.mv.db}). */
  public static final String FILE_NAME = "activitylog";

  /** One lock per database, shared by every store of this JVM that opens it. */
  private static final Map<String, ReentrantLock> WRITE_LOCKS = new ConcurrentHashMap<>();

  private H2Durability() {}

  /**
   * {@return the URL of the library's own H2 file database in a directory} H2's shutdown hook is
   * off ({@code DB_CLOSE_ON_EXIT=FALSE}): the store closes the database, after the recorder has
   * written what it holds.
   *
   * @param directory where the file lives
   * @param durable whether acknowledged writes must survive a kill
   */
  public static String builtUrl(Path directory, boolean durable) {
    String url =
        "jdbc:h2:file:" + directory.toAbsolutePath().resolve(FILE_NAME) + ";DB_CLOSE_ON_EXIT=FALSE";
    return durable ? url + ";WRITE_DELAY=0" : url;
  }

  /**
   * {@return whether a JDBC URL opens an embedded H2 file database in this JVM} Not in-memory, not
   * a server ({@code tcp:}, {@code ssl:}) and not a read-only archive ({@code zip:}).
   *
   * @param url a JDBC URL
   */
  public static boolean isEmbeddedFile(String url) {
    if (!startsWithAscii(url, 0, "jdbc:h2:")) {
      return false;
    }
    return !(startsWithAscii(url, 8, "mem:")
        || startsWithAscii(url, 8, "tcp:")
        || startsWithAscii(url, 8, "ssl:")
        || startsWithAscii(url, 8, "zip:"));
  }

  /**
   * {@return a user's JDBC URL as the store opens it} An embedded H2 file URL gets {@code
   * ;WRITE_DELAY=0} appended when it sets no write delay; any other URL is returned unchanged.
   *
   * @param url the user's URL
   * @param durable whether acknowledged writes must survive a kill
   * @throws IllegalArgumentException when durable and the URL sets a write delay other than 0
   */
  public static String userUrl(String url, boolean durable) {
    if (!durable || !isEmbeddedFile(url)) {
      return url;
    }
    @Nullable String delay = setting(url, "WRITE_DELAY");
    if (delay == null) {
      return url + ";WRITE_DELAY=0";
    }
    if (!delay.trim().equals("0")) {
      throw new IllegalArgumentException(
          "jdbcUrl sets WRITE_DELAY="
              + delay
              + ", which loses writes acknowledged in that window when the process is killed;"
              + " remove it, or call durableH2Writes(false) to accept that knowingly");
    }
    return url;
  }

  /**
   * {@return the lock that serialises writes to an embedded H2 file database, or empty for any
   * other URL}
   *
   * @param url the URL the pool opens
   */
  public static @Nullable ReentrantLock writeLock(String url) {
    if (!isEmbeddedFile(url)) {
      return null;
    }
    int semicolon = url.indexOf(';');
    String database = semicolon < 0 ? url : url.substring(0, semicolon);
    return WRITE_LOCKS.computeIfAbsent(database, k -> new ReentrantLock());
  }

  private static @Nullable String setting(String url, String name) {
    String[] parts = url.split(";");
    for (int i = 1; i < parts.length; i++) {
      int eq = parts[i].indexOf('=');
      String key = parts[i].substring(0, eq < 0 ? 0 : eq).trim();
      if (eq > 0 && key.length() == name.length() && startsWithAscii(key, 0, name)) {
        return parts[i].substring(eq + 1);
      }
    }
    return null;
  }

  /** H2 reads its URL prefixes and setting names with ASCII case rules only. */
  private static boolean startsWithAscii(String text, int from, String lowerOrUpper) {
    if (text.length() - from < lowerOrUpper.length()) {
      return false;
    }
    for (int i = 0; i < lowerOrUpper.length(); i++) {
      if (asciiLower(text.charAt(from + i)) != asciiLower(lowerOrUpper.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static char asciiLower(char c) {
    return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
  }
}
