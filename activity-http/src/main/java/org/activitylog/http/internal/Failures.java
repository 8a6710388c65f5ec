package org.activitylog.http.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.activitylog.api.AccessDeniedException;
import org.activitylog.api.ConflictException;
import org.activitylog.api.NotFoundException;
import org.activitylog.api.StoreUnavailableException;
import org.activitylog.api.ValidationException;
import org.activitylog.core.UnauthorizedException;
import org.activitylog.formats.BrightideaFormat;
import org.activitylog.formats.ErrorBody;
import org.activitylog.http.ApiResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a failure into its answer: the status the seeds give it and an error body in the requested
 * format. Only messages written to be shown reach the client; anything unexpected becomes a 500
 * with a reference that is also logged, so internals never leak.
 */
public final class Failures {
  private static final Logger LOG = LoggerFactory.getLogger("org.activitylog.http");

  /**
   * The only body a not-found answer ever has, so no answer tells a missing id from a hidden one.
   */
  private static final ErrorBody NOT_FOUND = new ErrorBody(NotFoundException.MESSAGE, null);

  private Failures() {}

  /**
   * {@return the answer to a failure}
   *
   * @param failure what went wrong
   * @param format the format the error body is written in
   */
  public static ApiResponse answer(RuntimeException failure, BrightideaFormat format) {
    Map<String, String> headers = new HashMap<>();
    int status;
    ErrorBody body;
    if (failure instanceof HttpProblem p) {
      status = p.status();
      body = new ErrorBody(String.valueOf(p.getMessage()), p.field());
      headers.putAll(p.headers());
    } else if (failure instanceof ValidationException e) {
      status = 400;
      body = ErrorBody.of(e);
    } else if (failure instanceof UnauthorizedException e) {
      status = 401;
      body = ErrorBody.of(e);
      headers.put("WWW-Authenticate", BearerToken.CHALLENGE);
    } else if (failure instanceof AccessDeniedException e) {
      status = 403;
      body = ErrorBody.of(e);
    } else if (failure instanceof NotFoundException) {
      status = 404;
      body = NOT_FOUND;
    } else if (failure instanceof ConflictException e) {
      status = 409;
      body = ErrorBody.of(e);
    } else if (failure instanceof StoreUnavailableException e) {
      return storeUnavailable(e, format);
    } else {
      String reference = UUID.randomUUID().toString();
      LOG.error("Unexpected failure, reference {}", reference, failure);
      status = 500;
      body = new ErrorBody("Internal error; reference " + reference, null);
    }
    return ApiResponse.text(status, format.mediaType(), headers, format.writeError(body));
  }

  /**
   * The answer when the store cannot serve the call. Only a transient reason is a 503 with {@code
   * Retry-After}, because only then does waiting help; a timeout is a 504, as for any upstream that
   * did not answer in time; the rest (a locked, damaged or unmigrated database, a closed store)
   * need the operator, so they are a 500 whose reference is logged with the cause. The body never
   * carries the reason's message, which is written for the operator.
   */
  private static ApiResponse storeUnavailable(
      StoreUnavailableException e, BrightideaFormat format) {
    Map<String, String> headers = new HashMap<>();
    int status;
    ErrorBody body;
    switch (e.reason()) {
      case UNREACHABLE, BUSY -> {
        LOG.warn("Activity store unavailable ({}): {}", e.reason(), e.getMessage(), e);
        status = 503;
        body = new ErrorBody("The activity store is unavailable; try again later", null);
        headers.put("Retry-After", e.reason() == StoreUnavailableException.Reason.BUSY ? "1" : "5");
      }
      case TIMEOUT -> {
        LOG.warn("Activity store timed out: {}", e.getMessage(), e);
        status = 504;
        body = new ErrorBody("The activity store did not answer in time", null);
      }
      default -> {
        String reference = UUID.randomUUID().toString();
        LOG.error(
            "Activity store cannot serve requests ({}), reference {}: {}",
            e.reason(),
            reference,
            e.getMessage(),
            e);
        status = 500;
        body =
            new ErrorBody("The activity store cannot serve requests; reference " + reference, null);
      }
    }
    return ApiResponse.text(status, format.mediaType(), headers, format.writeError(body));
  }
}
