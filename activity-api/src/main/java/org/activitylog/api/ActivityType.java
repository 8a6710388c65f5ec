package org.activitylog.api;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What an activity records: the 91 numeric AISquare codes and the 11 named Brightidea types.
 *
 * <p>{@link #code()} is the value on the wire: {@code "100"} for {@link #USER_LOGIN}, {@code
 * "POST_IDEA"} for {@link #POST_IDEA}. Look a wire value up with {@link #fromCode(String)}.
 */
public enum ActivityType {
  USER_LOGIN("100", "User Login", Catalogue.AISQUARE),
  USER_LOGOUT("101", "User Logout", Catalogue.AISQUARE),
  GAME_CREATED("200", "Game Created", Catalogue.AISQUARE),
  GAME_JOINED("201", "Game Joined", Catalogue.AISQUARE),
  GAME_LEFT("202", "Game Left", Catalogue.AISQUARE),
  GAME_STARTED("203", "Game Started", Catalogue.AISQUARE),
  GAME_COMPLETED("204", "Game Completed", Catalogue.AISQUARE),
  GAME_WON("205", "Game Won", Catalogue.AISQUARE),
  DAILY_STREAK("250", "Daily Streak", Catalogue.AISQUARE),
  ELO_GAINED("300", "Elo Gained", Catalogue.AISQUARE),
  ELO_LOST("301", "Elo Lost", Catalogue.AISQUARE),
  XP_GAINED("400", "XP Gained", Catalogue.AISQUARE),
  RESOURCE_VIEWED("500", "Resource Viewed", Catalogue.AISQUARE),
  RESOURCE_LIKED("501", "Resource Liked", Catalogue.AISQUARE),
  RESOURCE_UNLIKED("502", "Resource Unliked", Catalogue.AISQUARE),
  RESOURCE_SHARED("503", "Resource Shared", Catalogue.AISQUARE),
  RESOURCE_BOOKMARKED("504", "Resource Bookmarked", Catalogue.AISQUARE),
  RESOURCE_UNBOOKMARKED("505", "Resource Unbookmarked", Catalogue.AISQUARE),
  RESOURCE_COMMENTED("506", "Resource Commented", Catalogue.AISQUARE),
  RESOURCE_CREATED("507", "Resource Created", Catalogue.AISQUARE),
  RESOURCE_UPDATED("508", "Resource Updated", Catalogue.AISQUARE),
  RESOURCE_DELETED("509", "Resource Deleted", Catalogue.AISQUARE),
  QUEST_CREATED("600", "Quest Created", Catalogue.AISQUARE),
  QUEST_VIEWED("601", "Quest Viewed", Catalogue.AISQUARE),
  QUEST_UPDATED("602", "Quest Updated", Catalogue.AISQUARE),
  QUEST_DELETED("603", "Quest Deleted", Catalogue.AISQUARE),
  QUEST_PLAYED("604", "Quest Played", Catalogue.AISQUARE),
  QUEST_COMPLETED("605", "Quest Completed", Catalogue.AISQUARE),
  QUEST_LEADERBOARD_VIEWED("606", "Quest Leaderboard Viewed", Catalogue.AISQUARE),
  PUBLICATION_CREATED("700", "Publication Created", Catalogue.AISQUARE),
  PUBLICATION_VIEWED("701", "Publication Viewed", Catalogue.AISQUARE),
  PUBLICATION_UPDATED("702", "Publication Updated", Catalogue.AISQUARE),
  PUBLICATION_DELETED("703", "Publication Deleted", Catalogue.AISQUARE),
  BLOG_CREATED("750", "Blog Created", Catalogue.AISQUARE),
  BLOG_VIEWED("751", "Blog Viewed", Catalogue.AISQUARE),
  BLOG_READ("752", "Blog Read", Catalogue.AISQUARE),
  BLOG_UPDATED("753", "Blog Updated", Catalogue.AISQUARE),
  BLOG_DELETED("754", "Blog Deleted", Catalogue.AISQUARE),
  BLOG_BOOKMARKED("755", "Blog Bookmarked", Catalogue.AISQUARE),
  BLOG_UNBOOKMARKED("756", "Blog Unbookmarked", Catalogue.AISQUARE),
  BLOG_PREVIEWED("757", "Blog Previewed", Catalogue.AISQUARE),
  EXPERIENCE_CREATED("800", "Experience Created", Catalogue.AISQUARE),
  EXPERIENCE_VIEWED("801", "Experience Viewed", Catalogue.AISQUARE),
  EXPERIENCE_UPDATED("802", "Experience Updated", Catalogue.AISQUARE),
  EXPERIENCE_DELETED("803", "Experience Deleted", Catalogue.AISQUARE),
  EXPERIENCE_PUBLISHED("804", "Experience Published", Catalogue.AISQUARE),
  EXPERIENCE_AUTOFILLED("805", "Experience Autofilled", Catalogue.AISQUARE),
  EXPERIENCE_BULK_DELETED("806", "Experience Bulk Deleted", Catalogue.AISQUARE),
  AI_DOMAIN_CREATED("900", "AI Domain Created", Catalogue.AISQUARE),
  AI_DOMAIN_VIEWED("901", "AI Domain Viewed", Catalogue.AISQUARE),
  AI_DOMAIN_UPDATED("902", "AI Domain Updated", Catalogue.AISQUARE),
  AI_DOMAIN_DELETED("903", "AI Domain Deleted", Catalogue.AISQUARE),
  AI_DOMAIN_SAVED("904", "AI Domain Saved", Catalogue.AISQUARE),
  AI_QUESTION_GENERATED("905", "AI Question Generated", Catalogue.AISQUARE),
  AI_ANSWER_GENERATED("906", "AI Answer Generated", Catalogue.AISQUARE),
  AI_EXPLANATION_GENERATED("907", "AI Explanation Generated", Catalogue.AISQUARE),
  AI_CHECKER_GENERATED("908", "AI Checker Generated", Catalogue.AISQUARE),
  AI_OPTIONS_GENERATED("909", "AI Options Generated", Catalogue.AISQUARE),
  AI_CHAT_STARTED("910", "AI Chat Started", Catalogue.AISQUARE),
  AI_CHAT_MESSAGE_SENT("911", "AI Chat Message Sent", Catalogue.AISQUARE),
  AI_DOMAIN_KNOWLEDGE_REBUILT("912", "AI Domain Knowledge Rebuilt", Catalogue.AISQUARE),
  AI_KNOWLEDGE_SEARCHED("913", "AI Knowledge Searched", Catalogue.AISQUARE),
  PODCAST_CREATED("1000", "Podcast Created", Catalogue.AISQUARE),
  PODCAST_VIEWED("1001", "Podcast Viewed", Catalogue.AISQUARE),
  PODCAST_LISTENED("1002", "Podcast Listened", Catalogue.AISQUARE),
  PODCAST_UPDATED("1003", "Podcast Updated", Catalogue.AISQUARE),
  PODCAST_DELETED("1004", "Podcast Deleted", Catalogue.AISQUARE),
  VIDEO_CREATED("1050", "Video Created", Catalogue.AISQUARE),
  VIDEO_VIEWED("1051", "Video Viewed", Catalogue.AISQUARE),
  VIDEO_UPDATED("1052", "Video Updated", Catalogue.AISQUARE),
  VIDEO_DELETED("1053", "Video Deleted", Catalogue.AISQUARE),
  VIDEO_PUBLISHED("1054", "Video Published", Catalogue.AISQUARE),
  VIDEO_REGENERATED("1055", "Video Regenerated", Catalogue.AISQUARE),
  CONTENT_DOCUMENT_CREATED("1100", "Content Document Created", Catalogue.AISQUARE),
  CONTENT_DOCUMENT_VIEWED("1101", "Content Document Viewed", Catalogue.AISQUARE),
  CONTENT_DOCUMENT_UPDATED("1102", "Content Document Updated", Catalogue.AISQUARE),
  CONTENT_DOCUMENT_DELETED("1103", "Content Document Deleted", Catalogue.AISQUARE),
  CONTENT_DOCUMENT_REPROCESSED("1104", "Content Document Reprocessed", Catalogue.AISQUARE),
  COLLECTION_CREATED("1400", "Collection Created", Catalogue.AISQUARE),
  COLLECTION_VIEWED("1401", "Collection Viewed", Catalogue.AISQUARE),
  COLLECTION_UPDATED("1402", "Collection Updated", Catalogue.AISQUARE),
  COLLECTION_DELETED("1403", "Collection Deleted", Catalogue.AISQUARE),
  COLLECTION_EXPERIENCE_ADDED("1404", "Collection Experience Added", Catalogue.AISQUARE),
  COLLECTION_EXPERIENCE_REMOVED("1405", "Collection Experience Removed", Catalogue.AISQUARE),
  COLLECTION_EXPERIENCE_REORDERED("1406", "Collection Experience Reordered", Catalogue.AISQUARE),
  PROFILE_UPDATED("1200", "Profile Updated", Catalogue.AISQUARE),
  PROFILE_PICTURE_UPDATED("1201", "Profile Picture Updated", Catalogue.AISQUARE),
  PROFILE_VIEWED("1202", "Profile Viewed", Catalogue.AISQUARE),
  USER_FOLLOWED("1300", "User Followed", Catalogue.AISQUARE),
  USER_UNFOLLOWED("1301", "User Unfollowed", Catalogue.AISQUARE),
  USER_PROFILE_VISITED("1302", "User Profile Visited", Catalogue.AISQUARE),
  POST_IDEA("POST_IDEA", "Post Idea", Catalogue.BRIGHTIDEA),
  POST_BLOG("POST_BLOG", "Post Blog", Catalogue.BRIGHTIDEA),
  PROMOTE_IDEA("PROMOTE_IDEA", "Promote Idea", Catalogue.BRIGHTIDEA),
  DEMOTE_IDEA("DEMOTE_IDEA", "Demote Idea", Catalogue.BRIGHTIDEA),
  POST_COMMENT("POST_COMMENT", "Post Comment", Catalogue.BRIGHTIDEA),
  POST_BLOG_COMMENT("POST_BLOG_COMMENT", "Post Blog Comment", Catalogue.BRIGHTIDEA),
  REGISTER("REGISTER", "Register", Catalogue.BRIGHTIDEA),
  UPDATE_PROFILE("UPDATE_PROFILE", "Update Profile", Catalogue.BRIGHTIDEA),
  MY_IDEAS_STATUS_UPDATED(
      "MY_IDEAS_STATUS_UPDATED", "My Ideas Status Updated", Catalogue.BRIGHTIDEA),
  POST_UPDATE("POST_UPDATE", "Post Update", Catalogue.BRIGHTIDEA),
  POST_ON_WALL("POST_ON_WALL", "Post On Wall", Catalogue.BRIGHTIDEA);

  /** Which of the two seed APIs defines a type. */
  public enum Catalogue {
    /** AISquare Studio's {@code ActivityTypeEnum}: numeric codes. */
    AISQUARE,
    /** Brightidea api3's activity {@code type} values: upper-case names. */
    BRIGHTIDEA
  }

  private static final Map<String, ActivityType> BY_CODE =
      Arrays.stream(values())
          .collect(Collectors.toUnmodifiableMap(t -> t.code, Function.identity()));

  private final String code;
  private final String label;
  private final Catalogue catalogue;

  ActivityType(String code, String label, Catalogue catalogue) {
    this.code = code;
    this.label = label;
    this.catalogue = catalogue;
  }

  /**
   * The wire value: a numeric string for AISquare types, the constant's name for Brightidea types.
   */
  public String code() {
    return code;
  }

  /** The human-readable label, for AISquare types exactly as the seed documents it. */
  public String label() {
    return label;
  }

  /** The seed API that defines this type. */
  public Catalogue catalogue() {
    return catalogue;
  }

  /**
   * Finds the type for a wire value, or empty when no type has that code.
   *
   * @param code a code such as {@code "100"} or {@code "POST_IDEA"}
   */
  public static Optional<ActivityType> findByCode(String code) {
    return Optional.ofNullable(BY_CODE.get(code));
  }

  /**
   * Returns the type for a wire value.
   *
   * @param code a code such as {@code "100"} or {@code "POST_IDEA"}
   * @throws ValidationException naming {@code activity_type} when no type has that code
   */
  public static ActivityType fromCode(String code) {
    return findByCode(code)
        .orElseThrow(
            () -> new ValidationException("activity_type", "must be a known activity code", code));
  }
}
