package dev.jtest.core.engine;

import java.nio.file.Path;
import java.util.Map;

/**
 * An image to build.
 *
 * @param context the build context directory
 * @param dockerfile the Dockerfile, relative to {@code context}
 * @param args build arguments
 * @param target the stage to build, or {@code null}
 * @param tag the name to give the image
 * @param labels labels to add to the image
 */
public record ImageBuild(
    Path context,
    String dockerfile,
    Map<String, String> args,
    String target,
    String tag,
    Map<String, String> labels) {}
