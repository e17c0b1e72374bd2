package dev.jtest.core.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.jtest.core.ConfigurationException;
import dev.jtest.core.compose.ComposeModel;
import dev.jtest.core.engine.Engine;
import dev.jtest.core.engine.EngineEndpoint;
import dev.jtest.core.engine.ExecResult;
import dev.jtest.core.testing.ComposeText;
import dev.jtest.core.testing.TestContainers;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The identity keys on the real engine: the container gets the host name, {@code /etc/hosts}
 * entries, DNS settings, terminal, links and shared network that the compose file asks for.
 */
class IdentityStackTest {

  private static Stack start(Engine engine, Path dir, String services) throws Exception {
    try (TestContainers containers = new TestContainers()) {
      containers.probeImage();
    }
    ComposeModel model = ComposeText.load(dir, "services:\n" + services);
    return Stack.start(
        engine,
        model,
        new Stack.Options(
            dir, dir.resolve("target/jtest"), Instant.now(), false, Duration.ofSeconds(60)),
        StackListener.silent());
  }

  private static String run(Engine engine, Stack stack, String service, String script) {
    ExecResult result =
        engine.exec(
            stack.services().get(service).containerId(),
            List.of("sh", "-c", script),
            List.of(),
            Duration.ofSeconds(10));
    assertThat(result.succeeded()).as(script + ": " + result.output()).isTrue();
    return result.output();
  }

  @Test
  void theContainerGetsItsHostNameHostsDnsTerminalAndLinks(@TempDir Path dir) throws Exception {
    String image = TestContainers.PROBE_IMAGE;
    try (Engine engine = Engine.connect(EngineEndpoint.fromEnvironment())) {
      Stack stack =
          start(
              engine,
              dir,
              """
                db:
                  image: %s
                  command: ["sleep", "600"]
                  container_name: legacy-db
                  stop_grace_period: 0s
                web:
                  image: %s
                  command: ["sleep", "600"]
                  stop_grace_period: 0s
                  hostname: webhost
                  domainname: example.test
                  extra_hosts:
                    - "db.local=10.0.0.5"
                    - "v6.local:::1"
                  dns_search: [corp.example.test]
                  dns_opt: ["ndots:3"]
                  tty: true
                  links: ["db:database"]
                sidecar:
                  image: %s
                  command: ["sleep", "600"]
                  stop_grace_period: 0s
                  network_mode: "service:web"
              """
                  .formatted(image, image, image));
      try {
        stack.awaitReady();

        assertThat(run(engine, stack, "web", "hostname")).contains("webhost");
        String hosts = run(engine, stack, "web", "cat /etc/hosts");
        assertThat(hosts).contains("10.0.0.5\tdb.local").contains("::1\tv6.local");
        String resolv = run(engine, stack, "web", "cat /etc/resolv.conf");
        assertThat(resolv).contains("corp.example.test").contains("ndots:3");
        // The main process writes to the pseudo-terminal the engine allocated.
        assertThat(run(engine, stack, "web", "readlink /proc/1/fd/1")).contains("/dev/pts/");
        // The link's alias and the container_name both name db, as they do under compose.
        String db = run(engine, stack, "db", "hostname -i").strip();
        assertThat(run(engine, stack, "web", "getent hosts database")).contains(db);
        assertThat(run(engine, stack, "web", "getent hosts legacy-db")).contains(db);
        // The sidecar shares web's network stack, so it has web's host name.
        if (!engine.info().podman()) {
          // Docker's container network mode shares the host name too; Podman's does not.
          assertThat(run(engine, stack, "sidecar", "hostname")).contains("webhost");
        }
      } finally {
        stack.stop();
      }
    }
  }

  @Test
  void pullPolicyNeverWithAMissingImageIsOneClearError(@TempDir Path dir) throws Exception {
    try (Engine engine = Engine.connect(EngineEndpoint.fromEnvironment())) {
      Throwable failure =
          catchThrowable(
              () ->
                  start(
                      engine,
                      dir,
                      """
                        api:
                          image: jtest-selftest/never-pulled:404
                          pull_policy: never
                      """));

      assertThat(failure)
          .isInstanceOf(ConfigurationException.class)
          .hasMessageContaining("compose.yaml:2: service 'api'")
          .hasMessageContaining("'jtest-selftest/never-pulled:404' is not on the engine")
          .hasMessageContaining("pull_policy: never");
    }
  }
}
