package dev.jtest.core.compose;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads a service's {@link IdentitySpec} keys ({@code hostname}, {@code extra_hosts}, {@code dns*},
 * {@code tty}, {@code platform}, {@code pull_policy}, {@code links}, {@code volumes_from}, {@code
 * network_mode}, {@code annotations}, …) in every form the compose specification gives them; a bad
 * value is one error naming file, line, service, key and value.
 */
final class IdentityParser {

  private static final Pattern MAC = Pattern.compile("([0-9A-Fa-f]{2}[:-]){5}[0-9A-Fa-f]{2}");
  private static final Pattern IPV4 =
      Pattern.compile("((25[0-5]|2[0-4]\\d|1?\\d?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1?\\d?\\d)");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*(%\\w+)?");
  private static final Pattern PLATFORM = Pattern.compile("[a-z0-9]+(/[A-Za-z0-9_]+){0,2}");
  private static final Pattern REFRESH =
      Pattern.compile("daily|weekly|refresh|every_([0-9]+[wdhms])+");
  private static final String PULL_POLICIES =
      "always, never, missing, if_not_present, build, daily, weekly or every_<duration>";
  private static final String STRINGS = "a string or a list of strings";

  private IdentityParser() {}

  /** The identity keys of the normalised service {@code body}. */
  static IdentitySpec parse(Located body) {
    return new IdentitySpec(
        body.get("hostname").text("a host name"),
        body.get("domainname").text("a domain name"),
        extraHosts(body.get("extra_hosts")),
        body.get("dns").texts(STRINGS),
        body.get("dns_search").texts(STRINGS),
        body.get("dns_opt").texts("a list of resolver options"),
        macAddress(body.get("mac_address")),
        flag(body.get("stdin_open")),
        flag(body.get("tty")),
        platform(body.get("platform")),
        pullPolicy(body.get("pull_policy"), !body.get("build").isNull()),
        links(body.get("links")),
        volumesFrom(body.get("volumes_from")),
        networkMode(body),
        annotations(body.get("annotations")),
        AcceptedKeys.containerName(body));
  }

  /**
   * {@code host:ip}, {@code host=ip}, {@code host: ip} or {@code host: [ip, ip]}, as engine
   * entries.
   */
  private static List<String> extraHosts(Located value) {
    List<String> entries = new ArrayList<>();
    if (value.isMapping()) {
      value
          .mapping("a mapping of host names to addresses")
          .forEach(
              (host, addresses) -> {
                for (String address : addresses.texts("an address or a list of addresses")) {
                  entries.add(host + ":" + address(addresses, host + "=" + address, address));
                }
              });
      return List.copyOf(entries);
    }
    for (Located item : value.list("a list of HOST:IP or a mapping of host names to addresses")) {
      String entry = item.text("HOST:IP or HOST=IP");
      int separator = entry.indexOf('=') >= 0 ? entry.indexOf('=') : entry.indexOf(':');
      if (separator <= 0) {
        throw item.error(
            "extra_hosts entry '" + entry + "' is not HOST:IP or HOST=IP (e.g. db.local=10.0.0.5)");
      }
      String host = entry.substring(0, separator);
      entries.add(host + ":" + address(item, entry, entry.substring(separator + 1)));
    }
    return List.copyOf(entries);
  }

  /** An IPv4 or IPv6 address (brackets dropped) or {@code host-gateway}, checked. */
  private static String address(Located at, String entry, String raw) {
    String address =
        raw.startsWith("[") && raw.endsWith("]") ? raw.substring(1, raw.length() - 1) : raw;
    if (address.equals("host-gateway")
        || IPV4.matcher(address).matches()
        || IPV6.matcher(address).matches()) {
      return address;
    }
    throw at.error(
        "extra_hosts entry '"
            + entry
            + "': '"
            + raw
            + "' is not an IP address: give an IPv4 or IPv6 address, or host-gateway for the"
            + " engine's host");
  }

  private static String macAddress(Located value) {
    String mac = value.text("a MAC address");
    if (mac != null && !MAC.matcher(mac).matches()) {
      throw value.error(
          "mac_address '" + mac + "' is not a MAC address: write six hex pairs, 02:42:ac:11:00:02");
    }
    return mac;
  }

  /** A compose boolean: {@code true}/{@code false} as YAML or as a string. */
  static boolean flag(Located value) {
    String text = value.text(ServiceParser.BOOLEAN);
    if (text == null) {
      return false;
    }
    return switch (text.toLowerCase(java.util.Locale.ROOT)) {
      case "true", "yes", "on" -> true;
      case "false", "no", "off" -> false;
      default ->
          throw value.error("'" + value.key() + "' must be true or false, not '" + text + "'");
    };
  }

  private static String platform(Located value) {
    String platform = value.text("a platform such as linux/amd64");
    if (platform != null && !PLATFORM.matcher(platform).matches()) {
      throw value.error(
          "platform '"
              + platform
              + "' is not OS[/ARCH[/VARIANT]]: write e.g. linux/amd64 or linux/arm64/v8");
    }
    return platform;
  }

  private static IdentitySpec.PullPolicy pullPolicy(Located value, boolean hasBuild) {
    String policy = value.text(PULL_POLICIES);
    if (policy == null) {
      return IdentitySpec.PullPolicy.MISSING;
    }
    IdentitySpec.PullPolicy parsed =
        switch (policy) {
          case "always" -> IdentitySpec.PullPolicy.ALWAYS;
          case "never" -> IdentitySpec.PullPolicy.NEVER;
          case "missing", "if_not_present" -> IdentitySpec.PullPolicy.MISSING;
          case "build" -> IdentitySpec.PullPolicy.BUILD;
          default -> {
            if (!REFRESH.matcher(policy).matches()) {
              throw value.error("pull_policy '" + policy + "' is unknown: use " + PULL_POLICIES);
            }
            yield IdentitySpec.PullPolicy.MISSING;
          }
        };
    if (parsed == IdentitySpec.PullPolicy.BUILD && !hasBuild) {
      throw value.error("pull_policy 'build' needs a 'build:' section: add one or remove the key");
    }
    return parsed;
  }

  /** {@code service} or {@code service:alias}, as service to alias. */
  private static Map<String, String> links(Located value) {
    Map<String, String> links = new LinkedHashMap<>();
    for (Located item : value.list("a list of SERVICE or SERVICE:ALIAS")) {
      String link = item.text("SERVICE or SERVICE:ALIAS");
      String[] parts = link.split(":", -1);
      if (parts.length > 2 || parts[0].isEmpty() || (parts.length == 2 && parts[1].isEmpty())) {
        throw item.error("link '" + link + "' is not SERVICE or SERVICE:ALIAS");
      }
      links.put(parts[0], parts.length == 2 ? parts[1] : parts[0]);
    }
    return Collections.unmodifiableMap(links);
  }

  /** {@code service}, {@code service:ro|rw}, {@code container:name}, {@code container:name:ro}. */
  private static List<IdentitySpec.VolumesFrom> volumesFrom(Located value) {
    List<IdentitySpec.VolumesFrom> sources = new ArrayList<>();
    for (Located item : value.list("a list of SERVICE[:ro] or container:NAME[:ro]")) {
      String entry = item.text("SERVICE[:ro] or container:NAME[:ro]");
      List<String> parts = new ArrayList<>(List.of(entry.split(":", -1)));
      boolean container = parts.size() > 1 && parts.get(0).equals("container");
      if (container) {
        parts.remove(0);
      }
      boolean readOnly = false;
      if (parts.size() == 2 && (parts.get(1).equals("ro") || parts.get(1).equals("rw"))) {
        readOnly = parts.remove(1).equals("ro");
      }
      if (parts.size() != 1 || parts.get(0).isEmpty()) {
        throw item.error(
            "volumes_from entry '"
                + entry
                + "' is not SERVICE, SERVICE:ro, container:NAME or container:NAME:ro");
      }
      sources.add(new IdentitySpec.VolumesFrom(parts.get(0), container, readOnly));
    }
    return List.copyOf(sources);
  }

  /**
   * {@code network_mode}, checked against what jtest can run: the engine publishes no ports in the
   * modes other than {@code bridge}, so a service there must publish none (its endpoints would be
   * wrong), and joins no compose network.
   */
  private static String networkMode(Located body) {
    Located value = body.get("network_mode");
    String mode = value.text("none, host, bridge, service:NAME or container:NAME");
    if (mode == null) {
      return null;
    }
    boolean known =
        mode.equals("none")
            || mode.equals("host")
            || mode.equals("bridge")
            || (mode.startsWith("service:") && mode.length() > "service:".length())
            || (mode.startsWith("container:") && mode.length() > "container:".length());
    if (!known) {
      throw value.error(
          "network_mode '"
              + mode
              + "' is unknown: use none, host, bridge, service:NAME or"
              + " container:NAME");
    }
    if (!body.get("networks").mapping("a mapping").isEmpty()) {
      throw value.error(
          "network_mode '" + mode + "' and 'networks' cannot both be set: keep one of them");
    }
    if (!mode.equals("bridge") && !body.get("ports").list("a list of ports").isEmpty()) {
      String reached =
          switch (mode) {
            case "none" -> "the service has no network";
            case "host" -> "the service listens on the engine host's ports";
            default -> "the service is reached through the other container's ports";
          };
      throw value.error(
          "network_mode '"
              + mode
              + "' publishes no ports, so 'ports' would give no endpoint: remove 'ports' ("
              + reached
              + ") or remove network_mode");
    }
    return mode;
  }

  private static Map<String, String> annotations(Located value) {
    Map<String, String> annotations = new LinkedHashMap<>();
    if (value.isList()) {
      for (Located item : value.list(ComposeNormalizer.LIST_OR_DICT)) {
        String entry = item.text("KEY=VALUE");
        int equals = entry.indexOf('=');
        annotations.put(
            equals < 0 ? entry : entry.substring(0, equals),
            equals < 0 ? "" : entry.substring(equals + 1));
      }
    } else {
      value
          .mapping(ComposeNormalizer.LIST_OR_DICT)
          .forEach((key, text) -> annotations.put(key, text.isNull() ? "" : text.text("a value")));
    }
    return Collections.unmodifiableMap(annotations);
  }
}
