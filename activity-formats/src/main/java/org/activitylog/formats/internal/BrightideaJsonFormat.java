package org.activitylog.formats.internal;

import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import org.activitylog.api.Activity;
import org.activitylog.api.NewActivity;
import org.activitylog.api.Page;
import org.activitylog.formats.BrightideaFormat;
import org.activitylog.formats.ErrorBody;

/** Brightidea's JSON format. */
public final class BrightideaJsonFormat implements BrightideaFormat {
  private final ZoneId zone;
  private final BrightideaMapping mapping;

  /**
   * The format with times in a zone.
   *
   * @param zone the zone of {@code date_created} values
   */
  public BrightideaJsonFormat(ZoneId zone) {
    this.zone = Objects.requireNonNull(zone, "zone");
    this.mapping = new BrightideaMapping(new BrightideaWireTime(zone));
  }

  @Override
  public String name() {
    return "json";
  }

  @Override
  public String mediaType() {
    return "application/json; charset=UTF-8";
  }

  @Override
  public ZoneId zone() {
    return zone;
  }

  @Override
  public String writeActivity(Activity activity) {
    return JsonWire.write(mapping.single(activity));
  }

  @Override
  public String writePage(Page<Activity> page) {
    return JsonWire.write(mapping.page(page));
  }

  @Override
  public String writeError(ErrorBody error) {
    return error.toJson();
  }

  @Override
  public NewActivity readActivity(String body, long workspaceGroupId) {
    Fields top = new Fields(JsonWire.parseObject(body), "", Fields.Scalars.JSON_TYPES);
    return mapping.read(top.unwrap(BrightideaMapping.ACTIVITY), workspaceGroupId);
  }

  @Override
  public List<NewActivity> readList(String body, long workspaceGroupId) {
    Fields top = new Fields(JsonWire.parseObject(body), "", Fields.Scalars.JSON_TYPES);
    return mapping.readList(top, workspaceGroupId);
  }

  @Override
  public String toString() {
    return "BrightideaFormat.json(" + zone + ")";
  }
}
