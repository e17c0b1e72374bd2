package dev.jtest.core.compose;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns one service of the merged, normalised document into a typed {@link ServiceSpec}. Every
 * value is read through {@link Located}'s typed accessors, so a value of the wrong shape is
 * reported with file, line, service, key and the forms compose accepts; {@code x-jtest} is {@link
 * JtestExtension}'s to read.
 */
final class ServiceParser {

  static final String BOOLEAN = "true or false";

  private static final String COMMAND = "a string or a list of strings";
  private static final String HEALTH_TEST =
      "a string or a list of strings starting with CMD, CMD-SHELL or NONE";
  private static final String DURATION = "a duration such as 10s, 1m30s or 500ms";

  private ServiceParser() {}

  /** The service {@code name} declared by {@code body}, checked. */
  static ServiceSpec parse(String name, Located body, ServiceContext context) {
    Location at = body.location();
    String image = body.get("image").text();
    BuildSpec build = build(body.get("build"), name);
    if (!body.get("provider").isNull()) {
      throw ComposeLoader.error(
          at,
          name,
          "is managed by a provider ('provider:'), which jtest cannot start: give the tests a"
              + " compose file without it, or a service with an image in its place");
    }
    if (image == null && build == null) {
      throw ComposeLoader.error(at, name, "has neither 'image' nor 'build': add one of them");
    }
    Map<String, String> environment = fromFiles(body.get("env_file"), name);
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
    Map<String, DependencyCondition> dependsOn =
        new LinkedHashMap<>(
            DependsOn.parse(name, body.get("depends_on"), context.available(), context.warnings()));
    IdentitySpec identity = IdentityParser.parse(body);
    // As compose: a linked service, one whose volumes are mounted, one whose network is shared,
    // starts first, so that its container exists when this one is created.
    List<String> implied = new ArrayList<>(identity.links().keySet());
    identity.volumesFrom().stream()
        .filter(source -> !source.container())
        .forEach(source -> implied.add(source.source()));
    if (identity.networkService() != null) {
      implied.add(identity.networkService());
    }
    implied.forEach(
        dependency -> dependsOn.putIfAbsent(dependency, DependencyCondition.SERVICE_STARTED));
    Map<String, String> labels = new LinkedHashMap<>();
    // A label file's bare KEY is a label with an empty value, as docker run --label-file reads it.
    fromFiles(body.get("label_file"), name)
        .forEach((key, value) -> labels.put(key, value == null ? "" : value));
    body.get("labels")
        .mapping(ComposeNormalizer.LIST_OR_DICT)
        .forEach((key, value) -> labels.put(key, value.isNull() ? "" : value.text()));
    Set<String> networkNames =
        body.get("networks").mapping("a list of names or a mapping of names").keySet();
    List<String> networks = networkNames.isEmpty() ? List.of("default") : List.copyOf(networkNames);
    ResourceSpec resources = ResourceParser.parse(body);
    // compose starts the service whose IPC or PID namespace this one joins first.
    resources
        .sharedServices()
        .forEach(shared -> dependsOn.putIfAbsent(shared, DependencyCondition.SERVICE_STARTED));
    Located extension = body.get(JtestExtension.KEY);
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
        dependsOn,
        healthcheck(body.get("healthcheck")),
        Collections.unmodifiableMap(labels),
        body.get("working_dir").text(),
        body.get("user").text(),
        duration(body.get("stop_grace_period")),
        body.get("stop_signal").text(),
        body.get("profiles").texts("a list of profile names"),
        networks,
        JtestExtension.readiness(extension, at),
        JtestExtension.values(extension),
        identity,
        resources,
        context.grants().files(body),
        LifecycleHooks.parse(body.get("post_start")),
        LifecycleHooks.parse(body.get("pre_stop")),
        LifecycleHooks.parsePreStart(body.get("pre_start")));
  }

  /** The variables of the {@code env_file} or {@code label_file} paths {@code files}, in order. */
  private static Map<String, String> fromFiles(Located files, String service) {
    Map<String, String> variables = new LinkedHashMap<>();
    for (Located file : files.list("a list of paths")) {
      // The normaliser leaves a mapping only for a file in raw format.
      Located path = file.isMapping() ? file.get("path") : file;
      variables.putAll(
          EnvFiles.read(
              Path.of(path.text()),
              path.location() + ": service '" + service + "'",
              file.isMapping()));
    }
    return variables;
  }

  /** A port as {@link PortParser} takes it: the short form's text, or the long form's fields. */
  static Object portEntry(Located port) {
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
      if (kind == MountSpec.Type.BIND && source == null) {
        throw targetNode.error("bind mount of " + target + " has no 'source': add the host path");
      }
      // Compose creates a missing bind source (BindDirectories) unless the long form forbids it.
      Located create = volume.get("bind").get("create_host_path");
      if (kind == MountSpec.Type.BIND
          && "false".equalsIgnoreCase(create.text(BOOLEAN))
          && !Files.exists(Path.of(source))) {
        throw create.error(
            "bind mount source "
                + source
                + " does not exist, and bind.create_host_path is false: create it or fix the path");
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
        retries,
        duration(check.get("start_interval")));
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

  /** A compose duration ({@code 1m30s}), or {@code null} when the value is not set. */
  static Duration duration(Located value) {
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
}
