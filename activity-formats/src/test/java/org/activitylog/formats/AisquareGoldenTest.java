package org.activitylog.formats;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.activitylog.api.Activity;
import org.activitylog.api.ActivityContent;
import org.activitylog.api.ActivityUpdate;
import org.activitylog.api.UserSimple;
import org.activitylog.spi.StoredActivities;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The seed's AISquare PUT example reads as an update. */
@DisplayName("AISquare golden example")
class AisquareGoldenTest {
  private final AisquareJson json = AisquareJson.create();
  private final Activity current = StoredActivities.created(1, SeedExamples.aisquareLogin(3));

  @Test
  @DisplayName("the PUT example changes the user's username and email and the text, nothing else")
  void putExampleReadsAsAnUpdate() {
    ActivityUpdate update = json.readUpdate(SeedExamples.aisquarePutRequest(), current);

    UserSimple before = (UserSimple) current.content().actor();
    assertThat(update.text()).isEqualTo("User logged in successfully from IP 192.168.1.10");
    assertThat(update.actor())
        .isEqualTo(before.toBuilder().username("johndoe").email("johndoe@example.com").build());
    assertThat(update)
        .isEqualTo(new ActivityUpdate(null, update.actor(), update.text(), null, null, null));
  }

  @Test
  @DisplayName("applied, the PUT example keeps every other field of the stored activity")
  void putExampleKeepsEverythingElse() {
    String body =
        "{\"user\": {\"username\": \"jdoe2\", \"email\": \"jdoe2@example.com\"}, \"text\": \"new\"}";

    ActivityContent after =
        StoredActivities.applied(json.readUpdate(body, current), current.content());

    UserSimple user = (UserSimple) after.actor();
    assertThat(user.id()).isEqualTo(1);
    assertThat(user.username()).isEqualTo("jdoe2");
    assertThat(user.email()).isEqualTo("jdoe2@example.com");
    assertThat(user.fullName()).isEqualTo("John Doe");
    assertThat(user.profilePicture()).isEqualTo("https://example.com/media/profile/johndoe.png");
    assertThat(after.text()).isEqualTo("new");
    assertThat(after.resource()).isEqualTo(current.resource());
    assertThat(after.type()).isEqualTo(current.type());
    assertThat(after.workspaceGroupId()).isEqualTo(current.workspaceGroupId());
    assertThat(after.derivedWorkspaceGroupId())
        .isEqualTo(current.content().derivedWorkspaceGroupId());
  }

  @Test
  @DisplayName("a whole GET answer sent back as a PUT body changes nothing")
  void getAnswerSentBackChangesNothing() {
    Activity deleted =
        StoredActivities.deleted(current, Instant.parse("2026-02-01T00:00:00Z"), "admin");

    ActivityUpdate update = json.readUpdate(json.write(deleted), deleted);

    assertThat(StoredActivities.applied(update, deleted.content())).isEqualTo(deleted.content());
  }
}
