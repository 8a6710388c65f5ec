/** Readers and writers of the seeds' wire formats. */
package org.activitylog.formats;
