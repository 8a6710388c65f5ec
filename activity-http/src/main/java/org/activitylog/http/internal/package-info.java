/**
 * The HTTP adapter's implementation: routing, parameter parsing, error mapping. Not exported; may
 * change in any release.
 */
@NullMarked
package org.activitylog.http.internal;

import org.jspecify.annotations.NullMarked;
