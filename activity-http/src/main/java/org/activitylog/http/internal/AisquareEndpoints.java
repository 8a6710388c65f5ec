package org.activitylog.http.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.activitylog.api.Activity;
import org.activitylog.api.ActivityUpdate;
import org.activitylog.api.ConflictException;
import org.activitylog.api.NewActivity;
import org.activitylog.api.NotFoundException;
import org.activitylog.api.ValidationException;
import org.activitylog.core.ActivityLog;
import org.activitylog.core.Requester;
import org.activitylog.formats.AisquareJson;
import org.activitylog.http.ApiRequest;
import org.activitylog.http.ApiResponse;

/**
 * AISquare's {@code /api/v1/activity/{id}/}: retrieve, update ({@code PUT}) and soft delete by
 * numeric id, and {@code POST /api/v1/activity/} to record. Only activities the seed's {@code
 * UserActivity} schema can express are served ({@link AisquareJson#expresses}); any other id
 * answers exactly like a missing one. Answers carry the activity's version as {@code ETag};
 * conditional requests follow {@link Preconditions}.
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
    return answer(200, expressible(log.get(requester, id(id))), Map.of());
  }

  /**
   * Updates one activity with the seed's {@code PUT} meaning: members sent replace, members left
   * out keep. A concurrent change is merged by reading again; {@code If-Match} and {@code
   * If-None-Match} are checked against each version read ({@link Preconditions}), so a changed
   * version that {@code If-Match} does not name is a 412.
   *
   * @param id the id segment of the path
   * @param request the request, with its JSON body
   * @param requester who asks
   * @return 200 with the updated activity and its {@code ETag}
   */
  public ApiResponse put(String id, ApiRequest request, Requester requester) {
    long activityId = id(id);
    String body = JsonBody.read(request, maxBodyBytes);
    Preconditions conditions = Preconditions.of(request);
    for (int attempt = 1; ; attempt++) {
      Activity current = expressible(log.get(requester, activityId));
      // Checked on every attempt: after a concurrent change the conditions hold or not on the
      // version that is current now, and the write below is pinned to that version.
      conditions.checkWrite(Optional.of(Preconditions.etag(current)));
      // The body is merged over `current` (a partial user keeps its other fields), so the write is
      // pinned to the version that was merged over: a concurrent change makes it read and merge
      // again instead of silently undoing that change.
      ActivityUpdate update = json.readUpdate(body, current);
      try {
        return answer(200, log.update(requester, activityId, update, current.version()), Map.of());
      } catch (ConflictException e) {
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
    // The target is the collection, which exists and has no entity tag.
    Preconditions.of(request).checkWrite(Optional.empty());
    String body = JsonBody.read(request, maxBodyBytes);
    NewActivity activity = json.readNew(body, defaultWorkspaceGroup);
    if (!json.expresses(activity.content())) {
      // The type is an AISquare code (the reader checks it), so the actor is a Brightidea member.
      throw new ValidationException(
          "user", "is required: the AISquare endpoints record activities of AISquare users");
    }
    Activity stored = log.record(requester, activity);
    return answer(201, stored, Map.of("Location", PATH + stored.id() + "/"));
  }

  /**
   * Soft-deletes one activity. With {@code If-Match} or {@code If-None-Match} the activity is read
   * first and the conditions checked against its version; the check and the delete are two steps,
   * so a change that lands between them is not detected (the store offers no versioned delete).
   *
   * @param id the id segment of the path
   * @param request the request, with its conditional headers
   * @param requester who asks
   * @return 204 without a body
   */
  public ApiResponse delete(String id, ApiRequest request, Requester requester) {
    long activityId = id(id);
    Activity current = expressible(log.get(requester, activityId));
    Preconditions.of(request).checkWrite(Optional.of(Preconditions.etag(current)));
    log.delete(requester, activityId);
    return ApiResponse.empty(204, Map.of());
  }

  private ApiResponse answer(int status, Activity activity, Map<String, String> extra) {
    Map<String, String> headers = new HashMap<>(extra);
    headers.put("ETag", Preconditions.etag(activity));
    return ApiResponse.text(status, AisquareJson.MEDIA_TYPE, headers, json.write(activity));
  }

  /**
   * The activity when the {@code UserActivity} schema can express it. One it cannot (a Brightidea
   * type or actor, served by the Brightidea endpoints) is answered exactly like a missing id: these
   * endpoints promise the schema, and a different answer would tell ids apart.
   */
  private Activity expressible(Activity activity) {
    if (!json.expresses(activity.content())) {
      throw new NotFoundException();
    }
    return activity;
  }

  /** The numeric id; anything else is answered like an id that does not exist. */
  private static long id(String text) {
    if (text.isEmpty() || text.length() > 18 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new NotFoundException();
    }
    return Long.parseLong(text);
  }
}
