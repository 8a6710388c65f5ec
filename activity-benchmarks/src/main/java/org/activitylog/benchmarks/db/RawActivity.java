package org.activitylog.benchmarks.db;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One row as the raw JDBC baseline reads it: every column the library reads, with the JSON
 * documents as text and, when the baseline parses them, as trees.
 *
 * @param id the id
 * @param uid the uid
 * @param type the type code
 * @param actorKind USER or MEMBER
 * @param actorJson the actor's profile
 * @param text the text
 * @param resourceJson the resource, or null
 * @param workspaceGroupId the tenant
 * @param workspaceGroup the derived workspace group
 * @param campaignId the campaign id
 * @param campaignName the campaign name
 * @param detailsJson the extension slot
 * @param createdAt the creation time
 * @param createdBy who recorded it
 * @param updatedAt the last update time
 * @param updatedBy who updated it
 * @param deletedAt when it was soft-deleted
 * @param deletedBy who soft-deleted it
 * @param active whether it is active
 * @param version the version
 * @param actor the parsed profile, when parsed
 * @param resource the parsed resource, when parsed and present
 * @param details the parsed extension slot, when parsed and present
 */
public record RawActivity(
    long id,
    UUID uid,
    String type,
    String actorKind,
    String actorJson,
    @Nullable String text,
    @Nullable String resourceJson,
    long workspaceGroupId,
    @Nullable Long workspaceGroup,
    @Nullable UUID campaignId,
    @Nullable String campaignName,
    @Nullable String detailsJson,
    OffsetDateTime createdAt,
    @Nullable String createdBy,
    OffsetDateTime updatedAt,
    @Nullable String updatedBy,
    @Nullable OffsetDateTime deletedAt,
    @Nullable String deletedBy,
    boolean active,
    long version,
    @Nullable JsonNode actor,
    @Nullable JsonNode resource,
    @Nullable JsonNode details) {}
