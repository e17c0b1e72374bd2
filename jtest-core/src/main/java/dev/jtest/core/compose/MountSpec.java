package dev.jtest.core.compose;

/**
 * A volume entry of a service.
 *
 * @param type what is mounted
 * @param source the host path (absolute) for {@code BIND}, the volume name for {@code VOLUME} (
 *     {@code null} for an anonymous volume), {@code null} for {@code TMPFS}
 * @param target the path inside the container
 * @param readOnly whether it is mounted read-only
 */
public record MountSpec(Type type, String source, String target, boolean readOnly) {

  /** Kinds of mount that jtest supports. */
  public enum Type {
    BIND,
    VOLUME,
    TMPFS
  }
}
