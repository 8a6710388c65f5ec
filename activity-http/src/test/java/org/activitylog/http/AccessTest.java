package org.activitylog.http;

import static org.activitylog.http.ApiFixture.ALICE_GROUP;
import static org.activitylog.http.ApiFixture.ALICE_TOKEN;
import static org.activitylog.http.ApiFixture.BOB_GROUP;
import static org.activitylog.http.ApiFixture.BOB_TOKEN;
import static org.activitylog.http.ApiFixture.ids;
import static org.activitylog.http.ApiFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.activitylog.api.Activity;
import org.activitylog.api.ActivityType;
import org.activitylog.api.Member;
import org.activitylog.api.NewActivity;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Every endpoint serves a requester only its own workspace groups")
class AccessTest {

  static NewActivity idea(long group, String uid) {
    return NewActivity.builder(ActivityType.POST_IDEA, Member.of(UUID.randomUUID(), "m"))
        .uid(UUID.fromString(uid))
        .workspaceGroupId(group)
        .build();
  }

  static final String A1 = "aaaaaaaa-0000-4000-8000-000000000001";
  static final String A2 = "aaaaaaaa-0000-4000-8000-000000000002";
  static final String B1 = "bbbbbbbb-0000-4000-8000-000000000001";

  ApiFixture record(ApiFixture site) {
    site.record(idea(ALICE_GROUP, A1));
    site.record(idea(ALICE_GROUP, A2));
    site.record(idea(BOB_GROUP, B1));
    return site;
  }

  @Test
  @DisplayName("a LIST shows each tenant its own activities, with stats counting only those")
  void listIsScoped() {
    ApiFixture site = record(new ApiFixture());
    ApiResponse alice = site.get("/api3/activity?order=id", ALICE_TOKEN);
    assertThat(ids(alice)).containsExactly(A1.toUpperCase(), A2.toUpperCase());
    assertThat(json(alice).path("stats").path("total").asText()).isEqualTo("2");
    ApiResponse bob = site.get("/api3/activity", BOB_TOKEN);
    assertThat(ids(bob)).containsExactly(B1.toUpperCase());
  }

  @Test
  @DisplayName("filtering by another tenant's id finds nothing")
  void filterByForeignId() {
    ApiFixture site = record(new ApiFixture());
    ApiResponse response = site.get("/api3/activity?id=" + B1, ALICE_TOKEN);
    assertThat(response.status()).isEqualTo(200);
    assertThat(ids(response)).isEmpty();
  }

  @Test
  @DisplayName("on a public site an anonymous requester reads the public workspace group only")
  void publicSite() {
    ApiFixture site = record(new ApiFixture(true, ZoneOffset.UTC, b -> b));
    ApiResponse list = site.get("/api3/activity?order=id", null);
    assertThat(list.status()).isEqualTo(200);
    assertThat(ids(list)).containsExactly(A1.toUpperCase(), A2.toUpperCase());
    assertThat(site.get("/api3/activity/" + A1, null).status()).isEqualTo(200);
    ApiResponse hidden = site.get("/api3/activity/" + B1, null);
    ApiResponse missing = site.get("/api3/activity/" + UUID.randomUUID(), null);
    assertThat(hidden.status()).isEqualTo(404);
    assertThat(hidden.bodyText()).isEqualTo(missing.bodyText());
  }

  @Test
  @DisplayName("on a public site an authenticated requester still sees only its own groups")
  void publicSiteAuthenticated() {
    ApiFixture site = record(new ApiFixture(true, ZoneOffset.UTC, b -> b));
    assertThat(ids(site.get("/api3/activity", BOB_TOKEN))).containsExactly(B1.toUpperCase());
  }

  @Test
  @DisplayName("on a private site an anonymous requester reads nothing")
  void privateSite() {
    ApiFixture site = record(new ApiFixture());
    for (String path : List.of("/api3/activity", "/api3/activity/" + A1, "/api/v1/activity/1/")) {
      assertThat(site.get(path, null).status()).as(path).isEqualTo(401);
    }
  }

  @Test
  @DisplayName("AISquare ids of another tenant are as absent as ids that never existed")
  void aisquareScoped() {
    ApiFixture site = new ApiFixture();
    // An AISquare activity: the AISquare endpoints serve no other kind (AisquareConformanceTest).
    Activity bobs =
        site.record(
            NewActivity.builder(
                    ActivityType.USER_LOGIN,
                    org.activitylog.api.UserSimple.of(2, "bob", "bob@example.org"))
                .uid(UUID.fromString(B1))
                .workspaceGroupId(BOB_GROUP)
                .build());
    assertThat(site.get("/api/v1/activity/" + bobs.id() + "/", BOB_TOKEN).status()).isEqualTo(200);
    assertThat(site.get("/api/v1/activity/" + bobs.id() + "/", ALICE_TOKEN).bodyText())
        .isEqualTo(
            site.get("/api/v1/activity/" + (bobs.id() + 1000) + "/", ALICE_TOKEN).bodyText());
  }
}
