package dev.jtest.core.compose;

import java.nio.file.Path;
import java.util.Map;

/**
 * The {@code build:} section of a service.
 *
 * @param context the build context directory, absolute
 * @param dockerfile the Dockerfile, relative to the context ({@code Dockerfile} by default)
 * @param args build arguments
 * @param target the stage to build, or {@code null} for the last
 */
public record BuildSpec(Path context, String dockerfile, Map<String, String> args, String target) {}
