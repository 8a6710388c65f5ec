/**
 * The recorder's machinery: the bounded queue, the batch writer with its retries, size estimates,
 * counters and the rate-limited log. Not exported; may change in any release.
 */
package org.activitylog.recorder.internal;
