/**
 * The reference server's implementation: the bridge from Jetty's HTTP server to the adapter, and
 * the demo data set. Not exported; may change in any release.
 */
@NullMarked
package org.activitylog.server.internal;

import org.jspecify.annotations.NullMarked;
