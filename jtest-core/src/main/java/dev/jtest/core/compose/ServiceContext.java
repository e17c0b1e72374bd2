package dev.jtest.core.compose;

import java.util.List;
import java.util.Set;

/**
 * What parsing one service needs from the rest of the document.
 *
 * @param grants the top-level secrets and configs a service may be granted
 * @param available the services the run starts: defined, and enabled by the active profiles
 * @param warnings receives one line per thing the service's keys ask that jtest does not do
 */
record ServiceContext(SecretsAndConfigs grants, Set<String> available, List<String> warnings) {}
