package org.activitylog.http.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.activitylog.api.Activity;
import org.activitylog.api.ActivityLog;
import org.activitylog.api.ActivityUpdate;
import org.activitylog.api.ConflictException;
import org.activitylog.api.NewActivity;
import org.activitylog.api.NotFoundException;
import org.activitylog.api.Requester;
import org.activitylog.http.ApiRequest;
import org.activitylog.http.ApiResponse;
import org.activitylog.json.AisquareJson;

/**
 * AISquare's {@code /api/v1/activity/{id}/}: retrieve, update ({@code PUT}) and soft delete by
 * numeric id, and {@code POST /api/v1/activity/} to record. Answers carry the activity's version as
 * {@code ETag}; a {@code PUT} with {@code If-Match} applies only to that version.
 */
public final class AisquareEndpoints {
  private static final int UPDATE_ATTEMPTS = 5;
  private static final String PATH = "/api/v1/activity/";

  private final ActivityLog log;
  private final AisquareJson json = AisquareJson.create();
  private final long defaultWorkspaceGroup;
  private final int maxBodyBytes;

  /**
   * Serves the endpoints over a log.
   *
   * @param log the facade
   * @param defaultWorkspaceGroup the workspace group of a recorded activity whose body names none
   * @param maxBodyBytes the largest body accepted
   */
  public AisquareEndpoints(ActivityLog log, long defaultWorkspaceGroup, int maxBodyBytes) {
    this.log = log;
    this.defaultWorkspaceGroup = defaultWorkspaceGroup;
    this.maxBodyBytes = maxBodyBytes;
  }

  /**
   * Retrieves one activity.
   *
   * @param id the id segment of the path
   * @param requester who asks
   * @return 200 with the activity as {@code UserActivity} JSON and its {@code ETag}
   */
  public ApiResponse get(String id, Requester requester) {
    return answer(200, log.get(requester, id(id)), Map.of());
  }

  /**
   * Updates one activity with the seed's {@code PUT} meaning: members sent replace, members left
   * out keep. Without {@code If-Match} a concurrent change is merged by reading again; with it, a
   * changed version is a 412.
   *
   * @param id the id segment of the path
   * @param request the request, with its JSON body
   * @param requester who asks
   * @return 200 with the updated activity and its {@code ETag}
   */
  public ApiResponse put(String id, ApiRequest request, Requester requester) {
    long activityId = id(id);
    String body = JsonBody.read(request, maxBodyBytes);
    Optional<Long> expected =
        IfMatch.expectedVersion(request.headers().getOrDefault("if-match", java.util.List.of()));
    for (int attempt = 1; ; attempt++) {
      Activity current = log.get(requester, activityId);
      if (expected.isPresent() && expected.get() != current.version()) {
        throw IfMatch.failed();
      }
      // The body is merged over `current` (a partial user keeps its other fields), so the write is
      // pinned to the version that was merged over: a concurrent change makes it read and merge
      // again instead of silently undoing that change.
      ActivityUpdate update = json.readUpdate(body, current);
      try {
        return answer(200, log.update(requester, activityId, update, current.version()), Map.of());
      } catch (ConflictException e) {
        if (expected.isPresent()) {
          throw IfMatch.failed();
        }
        if (attempt >= UPDATE_ATTEMPTS) {
          throw e;
        }
      }
    }
  }

  /**
   * Records an activity from a {@code UserActivity} body. Recording a uid its workspace group
   * already holds answers the stored activity; the same uid in another group is another activity.
   *
   * @param request the request, with its JSON body
   * @param requester who asks
   * @return 201 with the stored activity, its {@code Location} and {@code ETag}
   */
  public ApiResponse post(ApiRequest request, Requester requester) {
    String body = JsonBody.read(request, maxBodyBytes);
    NewActivity activity = json.readNew(body, defaultWorkspaceGroup);
    Activity stored = log.record(requester, activity);
    return answer(201, stored, Map.of("Location", PATH + stored.id() + "/"));
  }

  /**
   * Soft-deletes one activity.
   *
   * @param id the id segment of the path
   * @param requester who asks
   * @return 204 without a body
   */
  public ApiResponse delete(String id, Requester requester) {
    log.delete(requester, id(id));
    return ApiResponse.empty(204, Map.of());
  }

  private ApiResponse answer(int status, Activity activity, Map<String, String> extra) {
    Map<String, String> headers = new HashMap<>(extra);
    headers.put("ETag", IfMatch.etag(activity));
    return ApiResponse.text(status, AisquareJson.MEDIA_TYPE, headers, json.write(activity));
  }

  /** The numeric id; anything else is answered like an id that does not exist. */
  private static long id(String text) {
    if (text.isEmpty() || text.length() > 18 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new NotFoundException();
    }
    return Long.parseLong(text);
  }
}
