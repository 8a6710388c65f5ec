package org.activitylog.api;

import java.util.UUID;
import org.activitylog.api.internal.Checks;
import org.jspecify.annotations.Nullable;

/**
 * The campaign an activity belongs to: a grouping a query filters by (Brightidea's campaigns are
 * one), kept in the model because backends index it, unlike the fields of the extension slot.
 *
 * @param id the campaign's UUID
 * @param name the campaign's name as shown with the activity, if known
 */
public record Campaign(UUID id, @Nullable String name) {
  /**
   * Validates the fields.
   *
   * @param id the campaign's UUID
   * @param name the campaign's name as shown with the activity, if known
   */
  public Campaign {
    Checks.required("campaign_id", id);
    Checks.maxLength("campaign_name", name, 2_000);
  }
}
