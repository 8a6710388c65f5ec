/** The in-memory storage backend's public entry point, {@link InMemoryActivityStore}. */
@NullMarked
package org.activitylog.memory;

import org.jspecify.annotations.NullMarked;
