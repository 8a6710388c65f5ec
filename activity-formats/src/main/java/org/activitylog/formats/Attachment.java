package org.activitylog.formats;

import org.activitylog.formats.internal.FieldChecks;
import org.jspecify.annotations.Nullable;

/**
 * A file attached to a Brightidea update.
 *
 * @param id the file's id
 * @param referenceId the id of what the file is attached to
 * @param extension the file extension, such as {@code jpg}
 * @param originalFilename the name the file was uploaded with
 * @param grouping the kind of attachment, such as {@code Update Photo}
 * @param url where the file can be downloaded
 * @param type the media type, such as {@code image/jpeg}
 */
public record Attachment(
    @Nullable String id,
    @Nullable String referenceId,
    @Nullable String extension,
    @Nullable String originalFilename,
    @Nullable String grouping,
    @Nullable String url,
    @Nullable String type) {
  /**
   * Checks that every text is well-formed UTF-16.
   *
   * @param id the file's id
   * @param referenceId the id of what the file is attached to
   * @param extension the file extension, such as {@code jpg}
   * @param originalFilename the name the file was uploaded with
   * @param grouping the kind of attachment, such as {@code Update Photo}
   * @param url where the file can be downloaded
   * @param type the media type, such as {@code image/jpeg}
   */
  public Attachment {
    FieldChecks.text("attachment.id", id);
    FieldChecks.text("attachment.reference_id", referenceId);
    FieldChecks.text("attachment.extension", extension);
    FieldChecks.text("attachment.original_filename", originalFilename);
    FieldChecks.text("attachment.grouping", grouping);
    FieldChecks.text("attachment.url", url);
    FieldChecks.text("attachment.type", type);
  }
}
