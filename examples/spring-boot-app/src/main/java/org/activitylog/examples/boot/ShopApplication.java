package org.activitylog.examples.boot;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.activitylog.api.UserSimple;
import org.activitylog.core.ActivityLog;
import org.activitylog.core.Requester;
import org.activitylog.http.ActivityHttpApi;
import org.activitylog.http.Authenticator;
import org.activitylog.servlet.ActivityHttpServlet;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;

/**
 * A shop that records its users' activities. The store, the {@link ActivityLog} and the recorder
 * come from activity-spring-boot-starter; the application only adds the seed endpoints (the
 * Servlet adapter under {@code /activitylog/*}) and its own {@link ShopController}.
 */
@SpringBootApplication
@EnableConfigurationProperties(ShopApplication.Tokens.class)
public class ShopApplication {

  /**
   * Starts the shop.
   *
   * @param args Spring Boot's command line
   */
  public static void main(String[] args) {
    SpringApplication.run(ShopApplication.class, args);
  }

  /**
   * The bearer tokens of the seed endpoints: {@code shop.tokens.<token>=<user id>}.
   *
   * @param tokens token to user id
   */
  @ConfigurationProperties("shop")
  public record Tokens(Map<String, Long> tokens) {}

  /** The requester a user id stands for: it reads and writes the shop's workspace group. */
  static Requester requester(long userId, long workspaceGroup) {
    UserSimple user = UserSimple.of(userId, "user" + userId, "user" + userId + "@example.com");
    return Requester.user(user.ref(), user.username(), Set.of(workspaceGroup), Set.of(workspaceGroup));
  }

  /** The seeds' endpoints over the auto-configured facade, on the embedded server. */
  @Bean
  ServletRegistrationBean<ActivityHttpServlet> activityEndpoints(
      ActivityLog log, Tokens tokens, @Value("${shop.workspace-group}") long workspaceGroup) {
    Map<String, Requester> requesters =
        tokens.tokens().entrySet().stream()
            .collect(
                Collectors.toMap(
                    Map.Entry::getKey, e -> requester(e.getValue(), workspaceGroup)));
    ActivityHttpApi api =
        ActivityHttpApi.builder(log)
            .authenticator(Authenticator.of(requesters))
            .defaultWorkspaceGroup(workspaceGroup)
            .build();
    return new ServletRegistrationBean<>(new ActivityHttpServlet(api), "/activitylog/*");
  }
}
