package org.activitylog.formats.internal;

import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import org.activitylog.api.Activity;
import org.activitylog.api.NewActivity;
import org.activitylog.api.Page;
import org.activitylog.formats.BrightideaFormat;
import org.activitylog.formats.ErrorBody;

/**
 * Brightidea's XML format: the JSON layout turned into elements by {@link XmlLayout}; the root is
 * {@code activity} for one activity and {@code response} for a page.
 */
public final class BrightideaXmlFormat implements BrightideaFormat {
  /** The root element of a page. */
  public static final String RESPONSE = "response";

  private final ZoneId zone;
  private final BrightideaMapping mapping;

  /**
   * The format with times in a zone.
   *
   * @param zone the zone of {@code date_created} values
   */
  public BrightideaXmlFormat(ZoneId zone) {
    this.zone = Objects.requireNonNull(zone, "zone");
    this.mapping = new BrightideaMapping(new BrightideaWireTime(zone));
  }

  @Override
  public String name() {
    return "xml";
  }

  @Override
  public String mediaType() {
    return "application/xml; charset=UTF-8";
  }

  @Override
  public ZoneId zone() {
    return zone;
  }

  @Override
  public String writeActivity(Activity activity) {
    return XmlWire.write(BrightideaMapping.ACTIVITY, XmlLayout.of(mapping.activity(activity)));
  }

  @Override
  public String writePage(Page<Activity> page) {
    return XmlWire.write(RESPONSE, XmlLayout.of(mapping.page(page)));
  }

  @Override
  public String writeError(ErrorBody error) {
    return error.toXml();
  }

  @Override
  public NewActivity readActivity(String body, long workspaceGroupId) {
    return mapping.read(
        new Fields(XmlWire.parseObject(body), "", Fields.Scalars.XML_TEXT), workspaceGroupId);
  }

  @Override
  public List<NewActivity> readList(String body, long workspaceGroupId) {
    return mapping.readList(
        new Fields(XmlWire.parseObject(body), "", Fields.Scalars.XML_TEXT), workspaceGroupId);
  }

  @Override
  public String toString() {
    return "BrightideaFormat.xml(" + zone + ")";
  }
}
