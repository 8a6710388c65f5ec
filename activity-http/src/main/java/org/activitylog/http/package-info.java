/**
 * The HTTP adapter's public types: {@link ActivityHttpApi}, the {@link ApiRequest} and {@link
 * ApiResponse} it exchanges with the host framework, and the host's {@link Authenticator}.
 */
@NullMarked
package org.activitylog.http;

import org.jspecify.annotations.NullMarked;
