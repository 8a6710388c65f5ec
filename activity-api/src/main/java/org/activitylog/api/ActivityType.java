package org.activitylog.api;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.activitylog.api.internal.Ascii;

/**
 * What an activity records: the 91 numeric AISquare codes and the 11 named Brightidea types.
 *
 * <p>{@link #code()} is the value on the wire: {@code "100"} for {@link #USER_LOGIN}, {@code
 * "POST_IDEA"} for {@link #POST_IDEA}. Look a wire value up with {@link #fromCode(String)}.
 *
 * <p>A host application records types of its own with an enum that implements {@link ActivityKind},
 * as this one does, registered with {@link ActivityCatalogue#with(Class)}; the seed wire formats
 * keep accepting only the types of this enum.
 */
public enum ActivityType implements ActivityKind {
  /** AISquare code {@code "100"}: User Login. */
  USER_LOGIN("100", "User Login", Catalogue.AISQUARE),
  /** AISquare code {@code "101"}: User Logout. */
  USER_LOGOUT("101", "User Logout", Catalogue.AISQUARE),
  /** AISquare code {@code "200"}: Game Created. */
  GAME_CREATED("200", "Game Created", Catalogue.AISQUARE),
  /** AISquare code {@code "201"}: Game Joined. */
  GAME_JOINED("201", "Game Joined", Catalogue.AISQUARE),
  /** AISquare code {@code "202"}: Game Left. */
  GAME_LEFT("202", "Game Left", Catalogue.AISQUARE),
  /** AISquare code {@code "203"}: Game Started. */
  GAME_STARTED("203", "Game Started", Catalogue.AISQUARE),
  /** AISquare code {@code "204"}: Game Completed. */
  GAME_COMPLETED("204", "Game Completed", Catalogue.AISQUARE),
  /** AISquare code {@code "205"}: Game Won. */
  GAME_WON("205", "Game Won", Catalogue.AISQUARE),
  /** AISquare code {@code "250"}: Daily Streak. */
  DAILY_STREAK("250", "Daily Streak", Catalogue.AISQUARE),
  /** AISquare code {@code "300"}: Elo Gained. */
  ELO_GAINED("300", "Elo Gained", Catalogue.AISQUARE),
  /** AISquare code {@code "301"}: Elo Lost. */
  ELO_LOST("301", "Elo Lost", Catalogue.AISQUARE),
  /** AISquare code {@code "400"}: XP Gained. */
  XP_GAINED("400", "XP Gained", Catalogue.AISQUARE),
  /** AISquare code {@code "500"}: Resource Viewed. */
  RESOURCE_VIEWED("500", "Resource Viewed", Catalogue.AISQUARE),
  /** AISquare code {@code "501"}: Resource Liked. */
  RESOURCE_LIKED("501", "Resource Liked", Catalogue.AISQUARE),
  /** AISquare code {@code "502"}: Resource Unliked. */
  RESOURCE_UNLIKED("502", "Resource Unliked", Catalogue.AISQUARE),
  /** AISquare code {@code "503"}: Resource Shared. */
  RESOURCE_SHARED("503", "Resource Shared", Catalogue.AISQUARE),
  /** AISquare code {@code "504"}: Resource Bookmarked. */
  RESOURCE_BOOKMARKED("504", "Resource Bookmarked", Catalogue.AISQUARE),
  /** AISquare code {@code "505"}: Resource Unbookmarked. */
  RESOURCE_UNBOOKMARKED("505", "Resource Unbookmarked", Catalogue.AISQUARE),
  /** AISquare code {@code "506"}: Resource Commented. */
  RESOURCE_COMMENTED("506", "Resource Commented", Catalogue.AISQUARE),
  /** AISquare code {@code "507"}: Resource Created. */
  RESOURCE_CREATED("507", "Resource Created", Catalogue.AISQUARE),
  /** AISquare code {@code "508"}: Resource Updated. */
  RESOURCE_UPDATED("508", "Resource Updated", Catalogue.AISQUARE),
  /** AISquare code {@code "509"}: Resource Deleted. */
  RESOURCE_DELETED("509", "Resource Deleted", Catalogue.AISQUARE),
  /** AISquare code {@code "600"}: Quest Created. */
  QUEST_CREATED("600", "Quest Created", Catalogue.AISQUARE),
  /** AISquare code {@code "601"}: Quest Viewed. */
  QUEST_VIEWED("601", "Quest Viewed", Catalogue.AISQUARE),
  /** AISquare code {@code "602"}: Quest Updated. */
  QUEST_UPDATED("602", "Quest Updated", Catalogue.AISQUARE),
  /** AISquare code {@code "603"}: Quest Deleted. */
  QUEST_DELETED("603", "Quest Deleted", Catalogue.AISQUARE),
  /** AISquare code {@code "604"}: Quest Played. */
  QUEST_PLAYED("604", "Quest Played", Catalogue.AISQUARE),
  /** AISquare code {@code "605"}: Quest Completed. */
  QUEST_COMPLETED("605", "Quest Completed", Catalogue.AISQUARE),
  /** AISquare code {@code "606"}: Quest Leaderboard Viewed. */
  QUEST_LEADERBOARD_VIEWED("606", "Quest Leaderboard Viewed", Catalogue.AISQUARE),
  /** AISquare code {@code "700"}: Publication Created. */
  PUBLICATION_CREATED("700", "Publication Created", Catalogue.AISQUARE),
  /** AISquare code {@code "701"}: Publication Viewed. */
  PUBLICATION_VIEWED("701", "Publication Viewed", Catalogue.AISQUARE),
  /** AISquare code {@code "702"}: Publication Updated. */
  PUBLICATION_UPDATED("702", "Publication Updated", Catalogue.AISQUARE),
  /** AISquare code {@code "703"}: Publication Deleted. */
  PUBLICATION_DELETED("703", "Publication Deleted", Catalogue.AISQUARE),
  /** AISquare code {@code "750"}: Blog Created. */
  BLOG_CREATED("750", "Blog Created", Catalogue.AISQUARE),
  /** AISquare code {@code "751"}: Blog Viewed. */
  BLOG_VIEWED("751", "Blog Viewed", Catalogue.AISQUARE),
  /** AISquare code {@code "752"}: Blog Read. */
  BLOG_READ("752", "Blog Read", Catalogue.AISQUARE),
  /** AISquare code {@code "753"}: Blog Updated. */
  BLOG_UPDATED("753", "Blog Updated", Catalogue.AISQUARE),
  /** AISquare code {@code "754"}: Blog Deleted. */
  BLOG_DELETED("754", "Blog Deleted", Catalogue.AISQUARE),
  /** AISquare code {@code "755"}: Blog Bookmarked. */
  BLOG_BOOKMARKED("755", "Blog Bookmarked", Catalogue.AISQUARE),
  /** AISquare code {@code "756"}: Blog Unbookmarked. */
  BLOG_UNBOOKMARKED("756", "Blog Unbookmarked", Catalogue.AISQUARE),
  /** AISquare code {@code "757"}: Blog Previewed. */
  BLOG_PREVIEWED("757", "Blog Previewed", Catalogue.AISQUARE),
  /** AISquare code {@code "800"}: Experience Created. */
  EXPERIENCE_CREATED("800", "Experience Created", Catalogue.AISQUARE),
  /** AISquare code {@code "801"}: Experience Viewed. */
  EXPERIENCE_VIEWED("801", "Experience Viewed", Catalogue.AISQUARE),
  /** AISquare code {@code "802"}: Experience Updated. */
  EXPERIENCE_UPDATED("802", "Experience Updated", Catalogue.AISQUARE),
  /** AISquare code {@code "803"}: Experience Deleted. */
  EXPERIENCE_DELETED("803", "Experience Deleted", Catalogue.AISQUARE),
  /** AISquare code {@code "804"}: Experience Published. */
  EXPERIENCE_PUBLISHED("804", "Experience Published", Catalogue.AISQUARE),
  /** AISquare code {@code "805"}: Experience Autofilled. */
  EXPERIENCE_AUTOFILLED("805", "Experience Autofilled", Catalogue.AISQUARE),
  /** AISquare code {@code "806"}: Experience Bulk Deleted. */
  EXPERIENCE_BULK_DELETED("806", "Experience Bulk Deleted", Catalogue.AISQUARE),
  /** AISquare code {@code "900"}: AI Domain Created. */
  AI_DOMAIN_CREATED("900", "AI Domain Created", Catalogue.AISQUARE),
  /** AISquare code {@code "901"}: AI Domain Viewed. */
  AI_DOMAIN_VIEWED("901", "AI Domain Viewed", Catalogue.AISQUARE),
  /** AISquare code {@code "902"}: AI Domain Updated. */
  AI_DOMAIN_UPDATED("902", "AI Domain Updated", Catalogue.AISQUARE),
  /** AISquare code {@code "903"}: AI Domain Deleted. */
  AI_DOMAIN_DELETED("903", "AI Domain Deleted", Catalogue.AISQUARE),
  /** AISquare code {@code "904"}: AI Domain Saved. */
  AI_DOMAIN_SAVED("904", "AI Domain Saved", Catalogue.AISQUARE),
  /** AISquare code {@code "905"}: AI Question Generated. */
  AI_QUESTION_GENERATED("905", "AI Question Generated", Catalogue.AISQUARE),
  /** AISquare code {@code "906"}: AI Answer Generated. */
  AI_ANSWER_GENERATED("906", "AI Answer Generated", Catalogue.AISQUARE),
  /** AISquare code {@code "907"}: AI Explanation Generated. */
  AI_EXPLANATION_GENERATED("907", "AI Explanation Generated", Catalogue.AISQUARE),
  /** AISquare code {@code "908"}: AI Checker Generated. */
  AI_CHECKER_GENERATED("908", "AI Checker Generated", Catalogue.AISQUARE),
  /** AISquare code {@code "909"}: AI Options Generated. */
  AI_OPTIONS_GENERATED("909", "AI Options Generated", Catalogue.AISQUARE),
  /** AISquare code {@code "910"}: AI Chat Started. */
  AI_CHAT_STARTED("910", "AI Chat Started", Catalogue.AISQUARE),
  /** AISquare code {@code "911"}: AI Chat Message Sent. */
  AI_CHAT_MESSAGE_SENT("911", "AI Chat Message Sent", Catalogue.AISQUARE),
  /** AISquare code {@code "912"}: AI Domain Knowledge Rebuilt. */
  AI_DOMAIN_KNOWLEDGE_REBUILT("912", "AI Domain Knowledge Rebuilt", Catalogue.AISQUARE),
  /** AISquare code {@code "913"}: AI Knowledge Searched. */
  AI_KNOWLEDGE_SEARCHED("913", "AI Knowledge Searched", Catalogue.AISQUARE),
  /** AISquare code {@code "1000"}: Podcast Created. */
  PODCAST_CREATED("1000", "Podcast Created", Catalogue.AISQUARE),
  /** AISquare code {@code "1001"}: Podcast Viewed. */
  PODCAST_VIEWED("1001", "Podcast Viewed", Catalogue.AISQUARE),
  /** AISquare code {@code "1002"}: Podcast Listened. */
  PODCAST_LISTENED("1002", "Podcast Listened", Catalogue.AISQUARE),
  /** AISquare code {@code "1003"}: Podcast Updated. */
  PODCAST_UPDATED("1003", "Podcast Updated", Catalogue.AISQUARE),
  /** AISquare code {@code "1004"}: Podcast Deleted. */
  PODCAST_DELETED("1004", "Podcast Deleted", Catalogue.AISQUARE),
  /** AISquare code {@code "1050"}: Video Created. */
  VIDEO_CREATED("1050", "Video Created", Catalogue.AISQUARE),
  /** AISquare code {@code "1051"}: Video Viewed. */
  VIDEO_VIEWED("1051", "Video Viewed", Catalogue.AISQUARE),
  /** AISquare code {@code "1052"}: Video Updated. */
  VIDEO_UPDATED("1052", "Video Updated", Catalogue.AISQUARE),
  /** AISquare code {@code "1053"}: Video Deleted. */
  VIDEO_DELETED("1053", "Video Deleted", Catalogue.AISQUARE),
  /** AISquare code {@code "1054"}: Video Published. */
  VIDEO_PUBLISHED("1054", "Video Published", Catalogue.AISQUARE),
  /** AISquare code {@code "1055"}: Video Regenerated. */
  VIDEO_REGENERATED("1055", "Video Regenerated", Catalogue.AISQUARE),
  /** AISquare code {@code "1100"}: Content Document Created. */
  CONTENT_DOCUMENT_CREATED("1100", "Content Document Created", Catalogue.AISQUARE),
  /** AISquare code {@code "1101"}: Content Document Viewed. */
  CONTENT_DOCUMENT_VIEWED("1101", "Content Document Viewed", Catalogue.AISQUARE),
  /** AISquare code {@code "1102"}: Content Document Updated. */
  CONTENT_DOCUMENT_UPDATED("1102", "Content Document Updated", Catalogue.AISQUARE),
  /** AISquare code {@code "1103"}: Content Document Deleted. */
  CONTENT_DOCUMENT_DELETED("1103", "Content Document Deleted", Catalogue.AISQUARE),
  /** AISquare code {@code "1104"}: Content Document Reprocessed. */
  CONTENT_DOCUMENT_REPROCESSED("1104", "Content Document Reprocessed", Catalogue.AISQUARE),
  /** AISquare code {@code "1400"}: Collection Created. */
  COLLECTION_CREATED("1400", "Collection Created", Catalogue.AISQUARE),
  /** AISquare code {@code "1401"}: Collection Viewed. */
  COLLECTION_VIEWED("1401", "Collection Viewed", Catalogue.AISQUARE),
  /** AISquare code {@code "1402"}: Collection Updated. */
  COLLECTION_UPDATED("1402", "Collection Updated", Catalogue.AISQUARE),
  /** AISquare code {@code "1403"}: Collection Deleted. */
  COLLECTION_DELETED("1403", "Collection Deleted", Catalogue.AISQUARE),
  /** AISquare code {@code "1404"}: Collection Experience Added. */
  COLLECTION_EXPERIENCE_ADDED("1404", "Collection Experience Added", Catalogue.AISQUARE),
  /** AISquare code {@code "1405"}: Collection Experience Removed. */
  COLLECTION_EXPERIENCE_REMOVED("1405", "Collection Experience Removed", Catalogue.AISQUARE),
  /** AISquare code {@code "1406"}: Collection Experience Reordered. */
  COLLECTION_EXPERIENCE_REORDERED("1406", "Collection Experience Reordered", Catalogue.AISQUARE),
  /** AISquare code {@code "1200"}: Profile Updated. */
  PROFILE_UPDATED("1200", "Profile Updated", Catalogue.AISQUARE),
  /** AISquare code {@code "1201"}: Profile Picture Updated. */
  PROFILE_PICTURE_UPDATED("1201", "Profile Picture Updated", Catalogue.AISQUARE),
  /** AISquare code {@code "1202"}: Profile Viewed. */
  PROFILE_VIEWED("1202", "Profile Viewed", Catalogue.AISQUARE),
  /** AISquare code {@code "1300"}: User Followed. */
  USER_FOLLOWED("1300", "User Followed", Catalogue.AISQUARE),
  /** AISquare code {@code "1301"}: User Unfollowed. */
  USER_UNFOLLOWED("1301", "User Unfollowed", Catalogue.AISQUARE),
  /** AISquare code {@code "1302"}: User Profile Visited. */
  USER_PROFILE_VISITED("1302", "User Profile Visited", Catalogue.AISQUARE),
  /** Brightidea type {@code POST_IDEA}: Post Idea. */
  POST_IDEA("POST_IDEA", "Post Idea", Catalogue.BRIGHTIDEA),
  /** Brightidea type {@code POST_BLOG}: Post Blog. */
  POST_BLOG("POST_BLOG", "Post Blog", Catalogue.BRIGHTIDEA),
  /** Brightidea type {@code PROMOTE_IDEA}: Promote Idea. */
  PROMOTE_IDEA("PROMOTE_IDEA", "Promote Idea", Catalogue.BRIGHTIDEA),
  /** Brightidea type {@code DEMOTE_IDEA}: Demote Idea. */
  DEMOTE_IDEA("DEMOTE_IDEA", "Demote Idea", Catalogue.BRIGHTIDEA),
  /** Brightidea type {@code POST_COMMENT}: Post Comment. */
  POST_COMMENT("POST_COMMENT", "Post Comment", Catalogue.BRIGHTIDEA),
  /** Brightidea type {@code POST_BLOG_COMMENT}: Post Blog Comment. */
  POST_BLOG_COMMENT("POST_BLOG_COMMENT", "Post Blog Comment", Catalogue.BRIGHTIDEA),
  /** Brightidea type {@code REGISTER}: Register. */
  REGISTER("REGISTER", "Register", Catalogue.BRIGHTIDEA),
  /** Brightidea type {@code UPDATE_PROFILE}: Update Profile. */
  UPDATE_PROFILE("UPDATE_PROFILE", "Update Profile", Catalogue.BRIGHTIDEA),
  /** Brightidea type {@code MY_IDEAS_STATUS_UPDATED}: My Ideas Status Updated. */
  MY_IDEAS_STATUS_UPDATED(
      "MY_IDEAS_STATUS_UPDATED", "My Ideas Status Updated", Catalogue.BRIGHTIDEA),
  /** Brightidea type {@code POST_UPDATE}: Post Update. */
  POST_UPDATE("POST_UPDATE", "Post Update", Catalogue.BRIGHTIDEA),
  /** Brightidea type {@code POST_ON_WALL}: Post On Wall. */
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
   * {@return the wire value: a numeric string for AISquare types, the constant's name for
   * Brightidea types}
   */
  @Override
  public String code() {
    return code;
  }

  /** {@return the human-readable label, for AISquare types exactly as the seed documents it} */
  @Override
  public String label() {
    return label;
  }

  /** {@return the seed API that defines this type} */
  public Catalogue catalogue() {
    return catalogue;
  }

  /**
   * Finds the type for a wire value, compared exactly (case included), or empty when no type has
   * that code.
   *
   * @param code a code such as {@code "100"} or {@code "POST_IDEA"}
   * @return the type, or empty for an unknown code
   */
  public static Optional<ActivityType> findByCode(String code) {
    return Optional.ofNullable(BY_CODE.get(code));
  }

  /**
   * Finds the type for a wire value whose letters may be in any ASCII case, as Brightidea's {@code
   * type} parameter is read: {@code post_idea} finds {@link #POST_IDEA}. The value must otherwise
   * be the code exactly: no surrounding or inner whitespace, and no non-ASCII letter standing in
   * for an ASCII one ({@code POST_ıDEA} with a dotless i, {@code regiſter} with a long s find
   * nothing).
   *
   * @param code a code such as {@code "100"}, {@code "POST_IDEA"} or {@code "post_idea"}
   * @return the type, or empty for an unknown code
   */
  public static Optional<ActivityType> findByCodeIgnoringCase(String code) {
    return findByCode(Ascii.toUpperCase(code));
  }

  /**
   * {@return the type for a wire value}
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
