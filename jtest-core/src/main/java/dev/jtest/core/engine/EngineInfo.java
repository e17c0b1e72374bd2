package dev.jtest.core.engine;

/**
 * What the engine says about itself.
 *
 * @param endpoint where it answered
 * @param serverVersion the engine's version, e.g. {@code 20.10.24}
 * @param apiVersion the API version it speaks, e.g. {@code 1.41}
 * @param minApiVersion the oldest API version it accepts
 * @param os the engine host's operating system and architecture, e.g. {@code linux/amd64}
 * @param kernel the engine host's kernel version
 * @param storageDriver the engine's storage driver, e.g. {@code overlay2}
 */
public record EngineInfo(
    EngineEndpoint endpoint,
    String serverVersion,
    String apiVersion,
    String minApiVersion,
    String os,
    String kernel,
    String storageDriver) {}
