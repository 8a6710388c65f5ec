/**
 * The in-memory backend's implementation: the shared heap storage and the repository and follow
 * graph views over it. Not exported; may change in any release.
 */
@NullMarked
package org.activitylog.memory.internal;

import org.jspecify.annotations.NullMarked;
