package dev.jtest.core.coverage;

import java.nio.file.Path;
import java.util.List;

/**
 * How services are covered.
 *
 * @param outputDir where the execution data of each service goes ({@code target/jtest/coverage})
 * @param includes JaCoCo include patterns for services that name none; empty for all classes
 * @param excludes JaCoCo exclude patterns for services that name none
 * @param origin what turned coverage on, for messages ({@code -Pcoverage})
 */
public record CoverageOptions(
    Path outputDir, List<String> includes, List<String> excludes, String origin) {}
