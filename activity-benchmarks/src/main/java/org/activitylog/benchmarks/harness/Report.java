package org.activitylog.benchmarks.harness;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The results as Markdown, echoed to a stream as they are added so a long run shows its progress,
 * and written to a file at the end for BENCHMARKS.md.
 */
public final class Report {
  private final StringBuilder markdown = new StringBuilder();
  private final PrintStream echo;

  /**
   * Creates an empty report.
   *
   * @param echo where each part is printed as it is added
   */
  public Report(PrintStream echo) {
    this.echo = echo;
  }

  /**
   * Adds a heading.
   *
   * @param level 1 to 6
   * @param text the heading
   */
  public void heading(int level, String text) {
    add("#".repeat(level) + " " + text + "\n\n");
  }

  /**
   * Adds a paragraph.
   *
   * @param text Markdown text
   */
  public void paragraph(String text) {
    add(text + "\n\n");
  }

  /**
   * Adds a table.
   *
   * @param header the column names
   * @param rows the cells, as many per row as there are columns
   */
  public void table(List<String> header, List<List<String>> rows) {
    StringBuilder t = new StringBuilder();
    t.append("| ").append(String.join(" | ", header)).append(" |\n");
    t.append("|").append("---|".repeat(header.size())).append("\n");
    for (List<String> row : rows) {
      if (row.size() != header.size()) {
        throw new IllegalArgumentException(
            "a row has " + row.size() + " cells for " + header.size() + " columns: " + row);
      }
      t.append("| ").append(String.join(" | ", row)).append(" |\n");
    }
    add(t.append("\n").toString());
  }

  /**
   * Adds preformatted text, such as a query plan.
   *
   * @param text the text
   */
  public void preformatted(String text) {
    add("```\n" + text.strip() + "\n```\n\n");
  }

  /** The report so far. */
  public String markdown() {
    return markdown.toString();
  }

  /**
   * Writes the report.
   *
   * @param file the file, replaced when it exists
   * @throws IOException when it cannot be written
   */
  public void writeTo(Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.writeString(file, markdown, StandardCharsets.UTF_8);
  }

  private void add(String part) {
    markdown.append(part);
    echo.print(part);
    echo.flush();
  }
}
