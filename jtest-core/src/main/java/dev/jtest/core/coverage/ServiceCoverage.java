package dev.jtest.core.coverage;

import java.nio.file.Path;

/**
 * What the harvest got from one covered service.
 *
 * @param service the service
 * @param execFile its execution data, or {@code null} when there is none
 * @param complete whether the data includes the graceful shutdown (the final dump)
 * @param problem what went wrong, or {@code null}
 */
public record ServiceCoverage(String service, Path execFile, boolean complete, String problem) {}
