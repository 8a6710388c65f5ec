package org.activitylog.formats;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.activitylog.api.NewActivity;
import org.activitylog.api.UserSimple;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("SeedExamples")
class SeedExamplesTest {
  @Test
  @DisplayName("the AISquare login has the user and text of the seed's PUT body")
  void aisquareLoginFollowsThePutBody() {
    JsonNode put = Fixtures.tree(SeedExamples.aisquarePutRequest());

    NewActivity login = SeedExamples.aisquareLogin(5);

    UserSimple user = (UserSimple) login.content().actor();
    assertThat(user.username()).isEqualTo(put.at("/user/username").textValue());
    assertThat(user.email()).isEqualTo(put.at("/user/email").textValue());
    assertThat(login.content().text()).isEqualTo(put.at("/text").textValue());
    assertThat(login.content().workspaceGroupId()).isEqualTo(5);
    assertThat(AisquareJson.create().expresses(login.content())).isTrue();
  }

  @Test
  @DisplayName("the OpenAPI document defines UserActivity")
  void openApiDefinesUserActivity() {
    assertThat(SeedExamples.aisquareOpenApi())
        .startsWith("# Reconstructed")
        .contains("\n    UserActivity:\n");
  }

  @Test
  @DisplayName("each call reads the activities afresh, in the workspace group asked for")
  void workspaceGroupIds() {
    assertThat(SeedExamples.brightideaPostIdea(2).content().workspaceGroupId()).isEqualTo(2);
    assertThat(SeedExamples.brightideaUpdates(9))
        .hasSize(2)
        .allSatisfy(a -> assertThat(a.content().workspaceGroupId()).isEqualTo(9));
  }
}
