package org.activitylog.http.internal;

import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import org.activitylog.api.Activity;
import org.activitylog.api.NotFoundException;
import org.activitylog.api.Page;
import org.activitylog.core.ActivityLog;
import org.activitylog.core.Requester;
import org.activitylog.formats.BrightideaFormat;
import org.activitylog.http.ApiRequest;
import org.activitylog.http.ApiResponse;

/** Brightidea api3's {@code GET /api3/activity} (LIST) and {@code GET /api3/activity/{id}}. */
public final class BrightideaEndpoints {
  private final ActivityLog log;
  private final ZoneId zone;

  /**
   * Serves the endpoints over a log.
   *
   * @param log the facade
   * @param zone the zone of {@code date_created}, in parameters and answers
   */
  public BrightideaEndpoints(ActivityLog log, ZoneId zone) {
    this.log = log;
    this.zone = zone;
  }

  /**
   * LIST activity: one page of the activities the parameters select, newest first by default.
   *
   * @param request the request, with its LIST parameters
   * @param requester who asks
   * @param format the answer's format
   * @return 200 with the page in the requested format
   */
  public ApiResponse list(ApiRequest request, Requester requester, BrightideaFormat format) {
    Parameters.ListRequest list = Parameters.list(request, requester, zone, log.maxPageSize());
    Page<Activity> page = log.list(requester, list.query(), list.page(), list.sort());
    return ApiResponse.text(200, format.mediaType(), Map.of(), format.writePage(page));
  }

  /**
   * GET activity: one activity by its uid. An id that is no UUID is answered like one that does not
   * exist, as the seed's one documented error says.
   *
   * @param id the id segment of the path
   * @param requester who asks
   * @param format the answer's format
   * @return 200 with the activity in the requested format
   */
  public ApiResponse get(String id, Requester requester, BrightideaFormat format) {
    UUID uid = Parameters.uuid(id).orElseThrow(NotFoundException::new);
    Activity activity = log.getByUid(requester, uid);
    return ApiResponse.text(200, format.mediaType(), Map.of(), format.writeActivity(activity));
  }
}
