package org.activitylog.json.internal;

/** How a format writes a value that is absent. */
public enum Absent {
  /** Leave the member out, as Brightidea's examples do. */
  OMIT,
  /** Write the member as JSON {@code null}, as AISquare's serializers do for nullable fields. */
  WRITE_NULL
}
