/**
 * The codec's readers: stored text straight into the model, token by token. Not exported; may
 * change in any release.
 */
@NullMarked
package org.activitylog.jackson.internal;

import org.jspecify.annotations.NullMarked;
