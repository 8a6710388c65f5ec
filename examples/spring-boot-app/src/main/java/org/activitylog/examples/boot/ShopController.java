package org.activitylog.examples.boot;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.activitylog.api.Activity;
import org.activitylog.api.ActivityQuery;
import org.activitylog.api.ActivityType;
import org.activitylog.api.PageRequest;
import org.activitylog.api.Sort;
import org.activitylog.api.UserSimple;
import org.activitylog.core.ActivityLog;
import org.activitylog.recorder.ActivityRecorder;
import org.activitylog.recorder.Receipt;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The shop's own endpoints: a sign-in recorded from the request's hot path through the recorder,
 * and a user's feed listed through the facade, which checks what the user may read.
 */
@RestController
class ShopController {
  private final ActivityRecorder recorder;
  private final ActivityLog log;
  private final long workspaceGroup;

  ShopController(
      ActivityRecorder recorder,
      ActivityLog log,
      @Value("${shop.workspace-group}") long workspaceGroup) {
    this.recorder = recorder;
    this.log = log;
    this.workspaceGroup = workspaceGroup;
  }

  /** Records a sign-in; the recorder queues it and returns. */
  @PostMapping("/shop/users/{id}/sign-in")
  Map<String, String> signIn(@PathVariable long id) {
    UserSimple user = UserSimple.of(id, "user" + id, "user" + id + "@example.com");
    Receipt receipt =
        recorder
            .record(ActivityType.USER_LOGIN, user)
            .workspaceGroupId(workspaceGroup)
            .text("signed in to the shop")
            .submit();
    return Map.of("uid", receipt.uid().toString(), "status", receipt.status().name());
  }

  /** The newest activities the user may read. */
  @GetMapping("/shop/users/{id}/feed")
  List<Map<String, Object>> feed(@PathVariable long id) {
    return log
        .list(
            ShopApplication.requester(id, workspaceGroup),
            ActivityQuery.ALL,
            PageRequest.of(1, 20),
            Sort.DEFAULT)
        .items()
        .stream()
        .map(ShopController::summary)
        .toList();
  }

  private static Map<String, Object> summary(Activity activity) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", activity.id());
    out.put("type", activity.type().code());
    out.put("text", activity.text() == null ? "" : activity.text());
    return out;
  }
}
