/**
 * How the wire formats are mapped: Jackson trees built and read by hand, field by field, so that
 * the domain records stay free of annotations. Not exported; may change in any release.
 */
@NullMarked
package org.activitylog.formats.internal;

import org.jspecify.annotations.NullMarked;
