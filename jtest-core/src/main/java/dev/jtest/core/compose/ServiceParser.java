package dev.jtest.core.compose;

import dev.jtest.core.ConfigurationException;
import dev.jtest.core.Suggestions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Turns the merged, normalised document into typed {@link ServiceSpec}s and checks them. Every
 * value is read through {@link Located}'s typed accessors, so a value of the wrong shape is
 * reported with file, line, service, key and the forms compose accepts.
 */
final class ServiceParser {

  static final Set<String> JTEST_KEYS =
      Set.of("wait", "coverage", "coverage-includes", "coverage-excludes", "cleanup");
  static final Set<String> WAIT_KEYS = Set.of("http", "tcp", "log", "command", "timeout");

  static final String EXTENSION = "a mapping of jtest's keys (" + sorted(JTEST_KEYS) + ")";
  static final String WAIT = "a mapping (" + sorted(WAIT_KEYS) + ")";
  static final String COMMAND = "a string or a list of strings";
  static final String HEALTH_TEST =
      "a string or a list of strings starting with CMD, CMD-SHELL or NONE";
  static final String BOOLEAN = "true or false";
  static final String DURATION = "a duration such as 10s, 1m30s or 500ms";
  static final String PATTERNS = "a string of JaCoCo patterns (a.b.*:c.*) or a list of them";

  private ServiceParser() {}

  static ComposeModel parse(
      List<Path> files,
      Path projectDir,
      Located document,
      Set<String> activeProfiles,
      List<String> warnings,
      String fingerprint) {
    Map<String, ServiceSpec> all = new LinkedHashMap<>();
    document
        .get("services")
        .mapping("a mapping of service names")
        .forEach((name, body) -> all.put(name, service(name, body)));
    String fileNames = String.join(", ", files.stream().map(f -> "" + f.getFileName()).toList());
    Set<String> declared = new TreeSet<>();
    all.values().forEach(service -> declared.addAll(service.profiles()));
    for (String profile : activeProfiles) {
      if (!declared.contains(profile)) {
        warnings.add(
            "-Djtest.profiles: no service of "
                + fileNames
                + " has the profile '"
                + profile
                + "' ("
                + (declared.isEmpty()
                    ? "no service has a profile"
                    : "profiles: " + sorted(declared))
                + ")"
                + Suggestions.didYouMean(profile, declared));
      }
    }
    Map<String, ServiceSpec> enabled = new LinkedHashMap<>();
    for (ServiceSpec service : all.values()) {
      if (service.profiles().isEmpty()
          || service.profiles().stream().anyMatch(activeProfiles::contains)) {
        enabled.put(service.name(), service);
      }
    }
    if (enabled.isEmpty()) {
      throw new ConfigurationException(
          "no service to start in "
              + fileNames
              + ": each one needs a profile ("
              + sorted(declared)
              + ") and -Djtest.profiles enables none of them: add e.g. -Djtest.profiles="
              + declared.iterator().next());
    }
    for (ServiceSpec service : enabled.values()) {
      for (String dependency : service.dependsOn().keySet()) {
        ServiceSpec target = all.get(dependency);
        if (target != null && !enabled.containsKey(dependency)) {
          throw ComposeLoader.error(
              service.location(),
              service.name(),
              "depends on '"
                  + dependency
                  + "', which is only enabled with the profile(s) "
                  + target.profiles()
                  + ": add -Djtest.profiles="
                  + String.join(",", target.profiles()));
        }
      }
    }
    DependencyGraph.of(enabled);
    Map<String, ComposeModel.VolumeSpec> volumes = volumes(document.get("volumes"));
    Map<String, ComposeModel.NetworkSpec> networks = networks(document.get("networks"));
    for (ServiceSpec service : enabled.values()) {
      for (MountSpec mount : service.mounts()) {
        if (mount.type() == MountSpec.Type.VOLUME
            && mount.source() != null
            && !volumes.containsKey(mount.source())) {
          throw ComposeLoader.error(
              service.location(),
              service.name(),
              "uses volume '"
                  + mount.source()
                  + "', which the top-level 'volumes:' does not declare: declare it, or use a path"
                  + " ('./"
                  + mount.source()
                  + "') for a bind mount");
        }
      }
      for (String network : service.networks()) {
        if (!networks.containsKey(network)) {
          throw ComposeLoader.error(
              service.location(),
              service.name(),
              "joins network '" + network + "', which the top-level 'networks:' does not declare");
        }
      }
    }
    return new ComposeModel(
        List.copyOf(files),
        projectDir,
        Collections.unmodifiableMap(enabled),
        volumes,
        networks,
        List.copyOf(warnings),
        fingerprint);
  }

  private static ServiceSpec service(String name, Located body) {
    Location at = body.location();
    String image = body.get("image").text();
    BuildSpec build = build(body.get("build"), name);
    if (image == null && build == null) {
      throw ComposeLoader.error(at, name, "has neither 'image' nor 'build': add one of them");
    }
    Map<String, String> environment = new LinkedHashMap<>();
    for (Located file : body.get("env_file").list("a list of paths")) {
      environment.putAll(
          EnvFiles.read(Path.of(file.text()), file.location() + ": service '" + name + "'"));
    }
    body.get("environment")
        .mapping(ComposeNormalizer.LIST_OR_DICT)
        .forEach(
            (key, value) -> {
              // A name without a value takes its value from the environment jtest runs in.
              String text = value.isNull() ? System.getenv(key) : value.text();
              if (text != null) {
                environment.put(key, text);
              }
            });
    List<PortSpec> ports = new ArrayList<>();
    for (Located port : body.get("ports").list("a list of ports")) {
      ports.addAll(PortParser.parse(portEntry(port), port.location(), name));
    }
    List<Integer> expose = new ArrayList<>();
    for (Located port : body.get("expose").list("a list of ports")) {
      String spec = port.text("a port number").replaceAll("/(tcp|udp)$", "");
      for (PortSpec parsed : PortParser.parse(spec, port.location(), name)) {
        expose.add(parsed.containerPort());
      }
    }
    Map<String, DependencyCondition> dependsOn = new LinkedHashMap<>();
    body.get("depends_on")
        .mapping(ComposeNormalizer.NAMES)
        .forEach((dependency, spec) -> dependsOn.put(dependency, condition(spec.get("condition"))));
    Map<String, String> labels = new LinkedHashMap<>();
    body.get("labels")
        .mapping(ComposeNormalizer.LIST_OR_DICT)
        .forEach((key, value) -> labels.put(key, value.isNull() ? "" : value.text()));
    Set<String> networkNames =
        body.get("networks").mapping("a list of names or a mapping of names").keySet();
    List<String> networks = networkNames.isEmpty() ? List.of("default") : List.copyOf(networkNames);
    Located extension = body.get("x-jtest");
    return new ServiceSpec(
        name,
        at,
        image,
        build,
        commandLine(body.get("command")),
        commandLine(body.get("entrypoint")),
        Collections.unmodifiableMap(environment),
        List.copyOf(ports),
        List.copyOf(expose),
        mounts(body),
        Collections.unmodifiableMap(dependsOn),
        healthcheck(body.get("healthcheck")),
        Collections.unmodifiableMap(labels),
        body.get("working_dir").text(),
        body.get("user").text(),
        duration(body.get("stop_grace_period")),
        body.get("stop_signal").text(),
        body.get("profiles").texts("a list of profile names"),
        networks,
        wait(extension.get("wait"), at),
        extension(extension));
  }

  /** A port as {@link PortParser} takes it: the short form's text, or the long form's fields. */
  private static Object portEntry(Located port) {
    if (!port.isMapping()) {
      return port.text("a port (\"8080\", \"9000:8080\") or a mapping with 'target'");
    }
    Map<String, String> fields = new LinkedHashMap<>();
    for (String key : List.of("target", "published", "host_ip", "protocol")) {
      String value = port.get(key).text("a string or a number");
      if (value != null) {
        fields.put(key, value);
      }
    }
    return fields;
  }

  private static DependencyCondition condition(Located condition) {
    String known = "service_started, service_healthy or service_completed_successfully";
    String name = condition.text(known);
    return DependencyCondition.fromComposeName(name)
        .orElseThrow(
            () -> condition.error("depends_on condition '" + name + "' is unknown: use " + known));
  }

  private static BuildSpec build(Located build, String service) {
    if (build.isNull()) {
      return null;
    }
    Located context = build.get("context");
    Located dockerfileNode = build.get("dockerfile");
    String dockerfile = dockerfileNode.isNull() ? "Dockerfile" : dockerfileNode.text();
    String target = build.get("target").text();
    Map<String, String> args = new LinkedHashMap<>();
    build
        .get("args")
        .mapping(ComposeNormalizer.LIST_OR_DICT)
        .forEach((k, v) -> args.put(k, v.isNull() ? System.getenv(k) : v.text()));
    Path dir = Path.of(context.text());
    if (!Files.isDirectory(dir)) {
      throw ComposeLoader.error(
          context.location(),
          service,
          "build context " + dir + " does not exist: fix 'build.context' or create the directory");
    }
    if (!Files.isRegularFile(dir.resolve(dockerfile))) {
      throw ComposeLoader.error(
          dockerfileNode.isNull() ? context.location() : dockerfileNode.location(),
          service,
          "no Dockerfile at "
              + dir.resolve(dockerfile)
              + ": fix 'build.dockerfile' or add the file");
    }
    return new BuildSpec(dir, dockerfile, args, target);
  }

  private static List<MountSpec> mounts(Located body) {
    List<MountSpec> mounts = new ArrayList<>();
    for (Located volume : body.get("volumes").list("a list of volumes")) {
      Located targetNode = volume.get("target");
      String type = volume.get("type").text();
      String target = targetNode.text();
      if (target == null || !target.startsWith("/")) {
        throw targetNode.error("volume target '" + target + "' must be an absolute path");
      }
      boolean readOnly = "true".equalsIgnoreCase(volume.get("read_only").text(BOOLEAN));
      MountSpec.Type kind =
          switch (type == null ? "volume" : type) {
            case "bind" -> MountSpec.Type.BIND;
            case "volume" -> MountSpec.Type.VOLUME;
            case "tmpfs" -> MountSpec.Type.TMPFS;
            default ->
                throw targetNode.error(
                    "volume type '" + type + "' is not supported: use bind, volume or tmpfs");
          };
      String source = volume.get("source").text();
      if (kind == MountSpec.Type.BIND && (source == null || !Files.exists(Path.of(source)))) {
        throw targetNode.error(
            "bind mount source " + source + " does not exist: create it or fix the path");
      }
      mounts.add(
          new MountSpec(kind, kind == MountSpec.Type.TMPFS ? null : source, target, readOnly));
    }
    for (Located item : body.get("tmpfs").list("a list of paths")) {
      mounts.add(new MountSpec(MountSpec.Type.TMPFS, null, item.text().split(":")[0], false));
    }
    return List.copyOf(mounts);
  }

  private static HealthSpec healthcheck(Located check) {
    if (check.isNull()) {
      return null;
    }
    check.mapping("a mapping (test, interval, timeout, retries, start_period, disable)");
    if ("true".equalsIgnoreCase(check.get("disable").text(BOOLEAN))) {
      return new HealthSpec(List.of("NONE"), null, null, null, null);
    }
    Located raw = check.get("test");
    List<String> test;
    if (raw.isNull()) {
      test = List.of();
    } else if (raw.isText()) {
      test = List.of("CMD-SHELL", raw.text());
    } else {
      test = raw.texts(HEALTH_TEST);
      String form = test.isEmpty() ? "" : test.get(0);
      if (!Set.of("CMD", "CMD-SHELL", "NONE").contains(form)) {
        throw raw.error(
            "healthcheck test must start with CMD, CMD-SHELL or NONE, not '" + form + "'");
      }
    }
    Located retriesNode = check.get("retries");
    String retriesText = retriesNode.text("a whole number");
    Integer retries = null;
    if (retriesText != null) {
      try {
        retries = Integer.parseInt(retriesText);
      } catch (NumberFormatException e) {
        throw retriesNode.error("healthcheck.retries '" + retriesText + "' is not a whole number");
      }
    }
    return new HealthSpec(
        test,
        duration(check.get("interval")),
        duration(check.get("timeout")),
        duration(check.get("start_period")),
        retries);
  }

  private static WaitSpec wait(Located wait, Location at) {
    if (wait.isNull()) {
      return WaitSpec.none();
    }
    wait.mapping(WAIT);
    String http = wait.get("http").text("a path such as /health");
    if (http != null && !http.startsWith("/")) {
      http = "/" + http;
    }
    Integer tcp = null;
    Located tcpNode = wait.get("tcp");
    if (!tcpNode.isNull()) {
      tcp =
          PortParser.parse(tcpNode.text("a port number"), tcpNode.location(), tcpNode.service())
              .get(0)
              .containerPort();
    }
    Pattern log = null;
    Located logNode = wait.get("log");
    if (!logNode.isNull()) {
      try {
        log = Pattern.compile(logNode.text("a regular expression"));
      } catch (PatternSyntaxException e) {
        throw logNode.error("x-jtest.wait.log is not a regular expression: " + e.getDescription());
      }
    }
    List<String> command = commandLine(wait.get("command"));
    Duration timeout = duration(wait.get("timeout"));
    return new WaitSpec(http, tcp, log, command, timeout, at);
  }

  /**
   * The whole {@code x-jtest} mapping as plain values, for the capabilities that read it, once the
   * type of every key they read is checked here.
   */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> extension(Located extension) {
    if (extension.isNull()) {
      return Map.of();
    }
    extension.mapping(EXTENSION);
    Located coverage = extension.get("coverage");
    String covered = coverage.text(BOOLEAN);
    if (covered != null
        && !covered.equalsIgnoreCase("true")
        && !covered.equalsIgnoreCase("false")) {
      throw coverage.mismatch(BOOLEAN);
    }
    extension.get("coverage-includes").texts(PATTERNS);
    extension.get("coverage-excludes").texts(PATTERNS);
    for (Located cleaner : extension.get("cleanup").list("a list of cleaners")) {
      cleaner.mapping("a mapping with show/clean commands or http");
      for (String key : List.of("show", "clean")) {
        commandLine(cleaner.get(key));
      }
      Located http = cleaner.get("http");
      http.mapping("a mapping with list, name, delete and optional headers");
      for (String key : List.of("list", "name", "delete")) {
        http.get(key).text();
      }
      http.get("headers")
          .mapping("a mapping of header names to values")
          .values()
          .forEach(header -> header.text(ComposeNormalizer.VALUE));
    }
    return Collections.unmodifiableMap((Map<String, Object>) extension.plain());
  }

  /** A command in list form, or in string form split into words as compose does. */
  static List<String> commandLine(Located value) {
    if (value.isNull()) {
      return null;
    }
    if (value.isText()) {
      return ShellWords.split(value.text());
    }
    return value.texts(COMMAND);
  }

  private static Duration duration(Located value) {
    String text = value.text(DURATION);
    if (text == null) {
      return null;
    }
    String service = value.service();
    return ComposeDurations.parse(
        text,
        value.location()
            + (service == null ? "" : ": service '" + service + "'")
            + ": "
            + value.key());
  }

  private static Map<String, ComposeModel.VolumeSpec> volumes(Located declared) {
    return Collections.unmodifiableMap(
        declared(
            declared,
            "volume",
            (name, body) -> {
              External external = external(body);
              return new ComposeModel.VolumeSpec(name, external.external(), external.name());
            }));
  }

  private static Map<String, ComposeModel.NetworkSpec> networks(Located declared) {
    Map<String, ComposeModel.NetworkSpec> networks = new LinkedHashMap<>();
    networks.put("default", new ComposeModel.NetworkSpec("default", false, null, false));
    networks.putAll(
        declared(
            declared,
            "network",
            (name, body) -> {
              External external = external(body);
              boolean internal = "true".equalsIgnoreCase(body.get("internal").text(BOOLEAN));
              return new ComposeModel.NetworkSpec(
                  name, external.external(), external.name(), internal);
            }));
    return Collections.unmodifiableMap(networks);
  }

  /** The top-level {@code volumes:} or {@code networks:}: names with settings, or nothing. */
  private static <T> Map<String, T> declared(
      Located declared, String kind, BiFunction<String, Located, T> spec) {
    Map<String, T> specs = new LinkedHashMap<>();
    declared
        .mapping("a mapping of " + kind + " names")
        .forEach(
            (name, body) -> {
              body.mapping("a mapping of " + kind + " settings, or nothing");
              specs.put(name, spec.apply(name, body));
            });
    return specs;
  }

  /** {@code external: true} with {@code name:}, or the older {@code external: {name: …}}. */
  private record External(boolean external, String name) {}

  private static External external(Located body) {
    Located external = body.get("external");
    String name = body.get("name").text();
    if (external.isMapping()) {
      String legacy = external.get("name").text();
      return new External(true, legacy != null ? legacy : name);
    }
    return new External(
        "true".equalsIgnoreCase(external.text("true, false or a mapping with 'name'")), name);
  }

  private static String sorted(Set<String> names) {
    return String.join(", ", new TreeSet<>(names));
  }
}
