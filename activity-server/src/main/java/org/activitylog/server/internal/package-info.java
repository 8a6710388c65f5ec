/**
 * The reference server's implementation: Jetty's servlet container set up around the servlet
 * adapter, and the demo data set. Not exported; may change in any release.
 */
@NullMarked
package org.activitylog.server.internal;

import org.jspecify.annotations.NullMarked;
