package org.activitylog.jackson;

/** What a shape does with a member that has no value. */
public enum Absent {
  /** Leave the member out, as the JDBC backend stores and Brightidea's examples write. */
  OMIT,
  /** Write the member as JSON {@code null}, as AISquare's serializers do for nullable fields. */
  WRITE_NULL
}
