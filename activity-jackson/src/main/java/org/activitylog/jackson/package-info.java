/**
 * The codec ({@link org.activitylog.jackson.ModelCodec}) and its options: {@link
 * org.activitylog.jackson.Absent} and {@link org.activitylog.jackson.TimeFormat}.
 */
@NullMarked
package org.activitylog.jackson;

import org.jspecify.annotations.NullMarked;
