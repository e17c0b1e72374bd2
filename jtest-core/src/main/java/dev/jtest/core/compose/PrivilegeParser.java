package dev.jtest.core.compose;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a service's privileges, {@code cap_add}, {@code cap_drop} and {@code security_opt}, in the
 * form the engine takes them, refusing what the engine would refuse.
 */
final class PrivilegeParser {

  private static final String CAPABILITY = "a capability such as NET_ADMIN, CAP_SYS_TIME or ALL";

  /** Linux capabilities as the engine knows them (capabilities(7)), and {@code ALL}. */
  private static final Set<String> CAPABILITIES =
      new TreeSet<>(
          List.of(
              "ALL",
              "AUDIT_CONTROL",
              "AUDIT_READ",
              "AUDIT_WRITE",
              "BLOCK_SUSPEND",
              "BPF",
              "CHECKPOINT_RESTORE",
              "CHOWN",
              "DAC_OVERRIDE",
              "DAC_READ_SEARCH",
              "FOWNER",
              "FSETID",
              "IPC_LOCK",
              "IPC_OWNER",
              "KILL",
              "LEASE",
              "LINUX_IMMUTABLE",
              "MAC_ADMIN",
              "MAC_OVERRIDE",
              "MKNOD",
              "NET_ADMIN",
              "NET_BIND_SERVICE",
              "NET_BROADCAST",
              "NET_RAW",
              "PERFMON",
              "SETFCAP",
              "SETGID",
              "SETPCAP",
              "SETUID",
              "SYS_ADMIN",
              "SYS_BOOT",
              "SYS_CHROOT",
              "SYSLOG",
              "SYS_MODULE",
              "SYS_NICE",
              "SYS_PACCT",
              "SYS_PTRACE",
              "SYS_RAWIO",
              "SYS_RESOURCE",
              "SYS_TIME",
              "SYS_TTY_CONFIG",
              "WAKE_ALARM"));

  private PrivilegeParser() {}

  static List<String> capabilities(Located value) {
    List<String> names = new ArrayList<>();
    for (Located item : value.list("a list of capabilities")) {
      String text = item.text(CAPABILITY);
      String name = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
      name = name.startsWith("CAP_") ? name.substring(4) : name;
      if (!CAPABILITIES.contains(name)) {
        throw item.mismatch(CAPABILITY, "known capabilities: " + String.join(", ", CAPABILITIES));
      }
      names.add(name);
    }
    return List.copyOf(names);
  }

  /**
   * Security options as the engine takes them; {@code seccomp=<file>} is read into its JSON, as
   * docker compose does, relative to the compose file.
   */
  static List<String> securityOptions(Located value) {
    String expected =
        "an option such as no-new-privileges:true, seccomp=unconfined or label=disable";
    List<String> options = new ArrayList<>();
    for (Located item : value.list("a list of security options")) {
      String option = item.text(expected);
      if (option == null) {
        throw item.mismatch(expected);
      }
      if (option.equals("systempaths=unconfined")) {
        throw item.error(
            "security_opt 'systempaths=unconfined' is not supported by jtest (the engine client it"
                + " uses cannot unmask /proc and /sys): remove it, or use privileged: true");
      }
      String[] parts = option.split("[=:]", 2);
      if (parts.length == 1 && !option.equals("no-new-privileges")) {
        throw item.mismatch(expected);
      }
      if (parts[0].equals("seccomp") && !Set.of("unconfined", "builtin").contains(parts[1])) {
        options.add("seccomp=" + seccompProfile(item, parts[1]));
      } else {
        options.add(option);
      }
    }
    return List.copyOf(options);
  }

  private static String seccompProfile(Located item, String file) {
    Path path = item.location().file().toAbsolutePath().getParent().resolve(file).normalize();
    try {
      return Files.readString(path);
    } catch (IOException e) {
      throw item.error(
          "security_opt seccomp profile "
              + path
              + " cannot be read ("
              + e.getMessage()
              + "): fix the path, relative to the compose file");
    }
  }
}
