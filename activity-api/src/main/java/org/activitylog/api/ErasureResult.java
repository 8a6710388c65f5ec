package org.activitylog.api;

/**
 * What erasing an actor changed.
 *
 * @param activities how many activities were removed or anonymised
 * @param followEdges how many follow edges from or to the actor were removed
 */
public record ErasureResult(long activities, long followEdges) {}
