package dev.jtest.core.compose;

import dev.jtest.core.ConfigurationException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Turns the merged, normalised document into typed {@link ServiceSpec}s and checks them. */
final class ServiceParser {

  static final Set<String> JTEST_KEYS =
      Set.of("wait", "coverage", "coverage-includes", "coverage-excludes", "cleanup");
  static final Set<String> WAIT_KEYS = Set.of("http", "tcp", "log", "command", "timeout");

  private ServiceParser() {}

  @SuppressWarnings("unchecked")
  static ComposeModel parse(
      List<Path> files,
      Path projectDir,
      Map<String, Object> document,
      Set<String> activeProfiles,
      List<String> warnings,
      String fingerprint) {
    Map<String, Object> services =
        (Map<String, Object>) document.getOrDefault("services", Map.of());
    Map<String, ServiceSpec> all = new LinkedHashMap<>();
    for (Map.Entry<String, Object> entry : services.entrySet()) {
      all.put(
          entry.getKey(),
          service(entry.getKey(), (Map<String, Object>) entry.getValue(), warnings));
    }
    Map<String, ServiceSpec> enabled = new LinkedHashMap<>();
    for (ServiceSpec service : all.values()) {
      if (service.profiles().isEmpty()
          || service.profiles().stream().anyMatch(activeProfiles::contains)) {
        enabled.put(service.name(), service);
      }
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
    Map<String, ComposeModel.VolumeSpec> volumes = volumes(document);
    Map<String, ComposeModel.NetworkSpec> networks = networks(document);
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
        java.util.Collections.unmodifiableMap(enabled),
        volumes,
        networks,
        List.copyOf(warnings),
        fingerprint);
  }

  @SuppressWarnings("unchecked")
  private static ServiceSpec service(String name, Map<String, Object> body, List<String> warnings) {
    Location at = ((Located) body.get("@location")).location();
    String image = text(body.get("image"));
    BuildSpec build = build(body.get("build"), at, name);
    if (image == null && build == null) {
      throw ComposeLoader.error(at, name, "has neither 'image' nor 'build': add one of them");
    }
    Map<String, String> environment = new LinkedHashMap<>();
    for (Object file : ComposeNormalizer.asList(body.get("env_file"))) {
      Located located = (Located) file;
      environment.putAll(
          EnvFiles.read(Path.of(located.value()), located.location() + ": service '" + name + "'"));
    }
    Map<String, Object> env = (Map<String, Object>) body.getOrDefault("environment", Map.of());
    for (Map.Entry<String, Object> entry : env.entrySet()) {
      // A name without a value takes its value from the environment jtest runs in, as in compose.
      String value =
          entry.getValue() == null ? System.getenv(entry.getKey()) : text(entry.getValue());
      if (value != null) {
        environment.put(entry.getKey(), value);
      }
    }
    List<PortSpec> ports = new ArrayList<>();
    for (Object port : ComposeNormalizer.asList(body.get("ports"))) {
      Location where = port instanceof Located l ? l.location() : at;
      ports.addAll(
          PortParser.parse(
              port instanceof Map<?, ?> m ? ComposeMerger.unwrap(m) : text(port), where, name));
    }
    List<Integer> expose = new ArrayList<>();
    for (Object port : ComposeNormalizer.asList(body.get("expose"))) {
      String spec = text(port).replaceAll("/(tcp|udp)$", "");
      for (PortSpec parsed : PortParser.parse(spec, location(port, at), name)) {
        expose.add(parsed.containerPort());
      }
    }
    Map<String, DependencyCondition> dependsOn = new LinkedHashMap<>();
    Map<String, Object> depends = (Map<String, Object>) body.getOrDefault("depends_on", Map.of());
    for (Map.Entry<String, Object> entry : depends.entrySet()) {
      Map<String, Object> spec = (Map<String, Object>) entry.getValue();
      Located condition = (Located) spec.get("condition");
      dependsOn.put(
          entry.getKey(),
          DependencyCondition.fromComposeName(condition.value())
              .orElseThrow(
                  () ->
                      ComposeLoader.error(
                          condition.location(),
                          name,
                          "depends_on condition '"
                              + condition.value()
                              + "' is unknown: use service_started, service_healthy or"
                              + " service_completed_successfully")));
    }
    Map<String, String> labels = new LinkedHashMap<>();
    ((Map<String, Object>) body.getOrDefault("labels", Map.of()))
        .forEach((k, v) -> labels.put(k, v == null ? "" : text(v)));
    Map<String, Object> networksMap = (Map<String, Object>) body.get("networks");
    List<String> networks =
        networksMap == null || networksMap.isEmpty()
            ? List.of("default")
            : List.copyOf(networksMap.keySet());
    Map<String, Object> extension =
        body.get("x-jtest") instanceof Map<?, ?> x ? (Map<String, Object>) x : Map.of();
    return new ServiceSpec(
        name,
        at,
        image,
        build,
        commandLine(body.get("command")),
        commandLine(body.get("entrypoint")),
        java.util.Collections.unmodifiableMap(environment),
        List.copyOf(ports),
        List.copyOf(expose),
        mounts(body, at, name),
        java.util.Collections.unmodifiableMap(dependsOn),
        healthcheck(body.get("healthcheck"), at, name),
        java.util.Collections.unmodifiableMap(labels),
        text(body.get("working_dir")),
        text(body.get("user")),
        duration(body.get("stop_grace_period"), name, "stop_grace_period"),
        text(body.get("stop_signal")),
        ComposeNormalizer.asList(body.get("profiles")).stream().map(ServiceParser::text).toList(),
        networks,
        wait(extension.get("wait"), at, name),
        (Map<String, Object>) ComposeMerger.unwrap(extension));
  }

  @SuppressWarnings("unchecked")
  private static BuildSpec build(Object value, Location at, String service) {
    if (value == null) {
      return null;
    }
    Map<String, Object> build = (Map<String, Object>) value;
    Located context = (Located) build.get("context");
    Path dir = Path.of(context.value());
    if (!java.nio.file.Files.isDirectory(dir)) {
      throw ComposeLoader.error(
          context.location(),
          service,
          "build context " + dir + " does not exist: fix 'build.context' or create the directory");
    }
    String dockerfile =
        build.get("dockerfile") == null ? "Dockerfile" : text(build.get("dockerfile"));
    if (!java.nio.file.Files.isRegularFile(dir.resolve(dockerfile))) {
      throw ComposeLoader.error(
          location(build.get("dockerfile"), context.location()),
          service,
          "no Dockerfile at "
              + dir.resolve(dockerfile)
              + ": fix 'build.dockerfile' or add the file");
    }
    Map<String, String> args = new LinkedHashMap<>();
    ((Map<String, Object>) build.getOrDefault("args", Map.of()))
        .forEach((k, v) -> args.put(k, v == null ? System.getenv(k) : text(v)));
    return new BuildSpec(dir, dockerfile, args, text(build.get("target")));
  }

  @SuppressWarnings("unchecked")
  private static List<MountSpec> mounts(Map<String, Object> body, Location at, String service) {
    List<MountSpec> mounts = new ArrayList<>();
    for (Object item : ComposeNormalizer.asList(body.get("volumes"))) {
      Map<String, Object> volume = (Map<String, Object>) item;
      Location where = location(volume.get("target"), at);
      String type = text(volume.get("type"));
      String target = text(volume.get("target"));
      if (target == null || !target.startsWith("/")) {
        throw ComposeLoader.error(
            where, service, "volume target '" + target + "' must be an absolute path");
      }
      boolean readOnly = "true".equalsIgnoreCase(text(volume.get("read_only")));
      MountSpec.Type kind =
          switch (type == null ? "volume" : type) {
            case "bind" -> MountSpec.Type.BIND;
            case "volume" -> MountSpec.Type.VOLUME;
            case "tmpfs" -> MountSpec.Type.TMPFS;
            default ->
                throw ComposeLoader.error(
                    where,
                    service,
                    "volume type '" + type + "' is not supported: use bind, volume or tmpfs");
          };
      String source = text(volume.get("source"));
      if (kind == MountSpec.Type.BIND
          && (source == null || !java.nio.file.Files.exists(Path.of(source)))) {
        throw ComposeLoader.error(
            where,
            service,
            "bind mount source " + source + " does not exist: create it or fix the path");
      }
      mounts.add(
          new MountSpec(kind, kind == MountSpec.Type.TMPFS ? null : source, target, readOnly));
    }
    for (Object item : ComposeNormalizer.asList(body.get("tmpfs"))) {
      mounts.add(new MountSpec(MountSpec.Type.TMPFS, null, text(item).split(":")[0], false));
    }
    return List.copyOf(mounts);
  }

  @SuppressWarnings("unchecked")
  private static HealthSpec healthcheck(Object value, Location at, String service) {
    if (value == null) {
      return null;
    }
    if (!(value instanceof Map<?, ?>)) {
      throw ComposeLoader.error(at, service, "'healthcheck' must be a mapping");
    }
    Map<String, Object> check = (Map<String, Object>) value;
    if ("true".equalsIgnoreCase(text(check.get("disable")))) {
      return new HealthSpec(List.of("NONE"), null, null, null, null);
    }
    List<String> test;
    Object raw = check.get("test");
    if (raw == null) {
      test = List.of();
    } else if (raw instanceof Located single) {
      test = List.of("CMD-SHELL", single.value());
    } else {
      test = ComposeNormalizer.asList(raw).stream().map(ServiceParser::text).toList();
      String form = test.isEmpty() ? "" : test.get(0);
      if (!Set.of("CMD", "CMD-SHELL", "NONE").contains(form)) {
        throw ComposeLoader.error(
            location(raw, at),
            service,
            "healthcheck test must start with CMD, CMD-SHELL or NONE, not '" + form + "'");
      }
    }
    Integer retries = null;
    if (check.get("retries") != null) {
      try {
        retries = Integer.parseInt(text(check.get("retries")));
      } catch (NumberFormatException e) {
        throw ComposeLoader.error(
            location(check.get("retries"), at),
            service,
            "healthcheck.retries '" + text(check.get("retries")) + "' is not a whole number");
      }
    }
    return new HealthSpec(
        test,
        duration(check.get("interval"), service, "healthcheck.interval"),
        duration(check.get("timeout"), service, "healthcheck.timeout"),
        duration(check.get("start_period"), service, "healthcheck.start_period"),
        retries);
  }

  @SuppressWarnings("unchecked")
  private static WaitSpec wait(Object value, Location at, String service) {
    if (value == null) {
      return WaitSpec.none();
    }
    if (!(value instanceof Map<?, ?>)) {
      throw ComposeLoader.error(
          at, service, "x-jtest.wait must be a mapping (http, tcp, log, command, timeout)");
    }
    Map<String, Object> wait = (Map<String, Object>) value;
    String http = text(wait.get("http"));
    if (http != null && !http.startsWith("/")) {
      http = "/" + http;
    }
    Integer tcp = null;
    if (wait.get("tcp") != null) {
      tcp =
          PortParser.parse(text(wait.get("tcp")), location(wait.get("tcp"), at), service)
              .get(0)
              .containerPort();
    }
    Pattern log = null;
    if (wait.get("log") != null) {
      try {
        log = Pattern.compile(text(wait.get("log")));
      } catch (PatternSyntaxException e) {
        throw ComposeLoader.error(
            location(wait.get("log"), at),
            service,
            "x-jtest.wait.log is not a regular expression: " + e.getDescription());
      }
    }
    List<String> command = commandLine(wait.get("command"));
    Duration timeout = duration(wait.get("timeout"), service, "x-jtest.wait.timeout");
    return new WaitSpec(http, tcp, log, command, timeout, at);
  }

  /** A command in list form, or in string form split into words as compose does. */
  static List<String> commandLine(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof List<?> list) {
      return list.stream().map(ServiceParser::text).toList();
    }
    return ShellWords.split(text(value));
  }

  private static Duration duration(Object value, String service, String key) {
    if (value == null) {
      return null;
    }
    Located located = (Located) value;
    return ComposeDurations.parse(
        located.value(), located.location() + ": service '" + service + "': " + key);
  }

  private static Location location(Object value, Location fallback) {
    return value instanceof Located l ? l.location() : fallback;
  }

  static String text(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Located located) {
      return located.value();
    }
    if (value instanceof Map || value instanceof List) {
      throw new ConfigurationException(
          "expected a single value, found " + ComposeMerger.unwrap(value));
    }
    return String.valueOf(value).toLowerCase(Locale.ROOT).equals("null")
        ? null
        : String.valueOf(value);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, ComposeModel.VolumeSpec> volumes(Map<String, Object> document) {
    Map<String, ComposeModel.VolumeSpec> volumes = new LinkedHashMap<>();
    Object declared = document.get("volumes");
    if (declared instanceof Map<?, ?> map) {
      for (Map.Entry<String, Object> entry : ((Map<String, Object>) map).entrySet()) {
        Map<String, Object> body =
            entry.getValue() instanceof Map<?, ?> b ? (Map<String, Object>) b : Map.of();
        boolean external = "true".equalsIgnoreCase(text(body.get("external")));
        String externalName = text(body.get("name"));
        volumes.put(
            entry.getKey(), new ComposeModel.VolumeSpec(entry.getKey(), external, externalName));
      }
    }
    return java.util.Collections.unmodifiableMap(volumes);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, ComposeModel.NetworkSpec> networks(Map<String, Object> document) {
    Map<String, ComposeModel.NetworkSpec> networks = new LinkedHashMap<>();
    networks.put("default", new ComposeModel.NetworkSpec("default", false, null, false));
    Object declared = document.get("networks");
    if (declared instanceof Map<?, ?> map) {
      for (Map.Entry<String, Object> entry : ((Map<String, Object>) map).entrySet()) {
        Map<String, Object> body =
            entry.getValue() instanceof Map<?, ?> b ? (Map<String, Object>) b : Map.of();
        networks.put(
            entry.getKey(),
            new ComposeModel.NetworkSpec(
                entry.getKey(),
                "true".equalsIgnoreCase(text(body.get("external"))),
                text(body.get("name")),
                "true".equalsIgnoreCase(text(body.get("internal")))));
      }
    }
    return java.util.Collections.unmodifiableMap(networks);
  }
}
