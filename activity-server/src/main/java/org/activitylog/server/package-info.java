/** The reference server: {@link ActivityServer} and its settings, {@link ServerConfig}. */
@NullMarked
package org.activitylog.server;

import org.jspecify.annotations.NullMarked;
