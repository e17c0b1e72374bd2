package dev.jtest.core.services;

import dev.jtest.core.compose.ComposeModel;
import dev.jtest.core.engine.Engine;
import dev.jtest.core.engine.EngineException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * The networks and volumes of a run: created before its containers, named in their requests, and
 * recorded in the state file.
 *
 * @param networks the engine's network name by compose network name
 * @param volumes the names of the volumes the run created
 */
record StackResources(Map<String, String> networks, List<String> volumes) {

  /** None yet. */
  static final StackResources NONE = new StackResources(Map.of(), List.of());

  StackResources {
    networks = Collections.unmodifiableMap(new LinkedHashMap<>(networks));
    volumes = List.copyOf(volumes);
  }

  /**
   * Creates the networks that some service joins and every volume of {@code model}, labelled as the
   * run's, all at once on {@code executor}; external ones are only named. Returns once every
   * creation has ended, so that none is still under way when a failure removes the run.
   *
   * @throws EngineException the first failure in the model's order; what was created is removed
   *     with the run
   */
  static StackResources create(
      Engine engine, ComposeModel model, RunIdentity identity, boolean keep, Executor executor) {
    Map<String, String> networks = new LinkedHashMap<>();
    List<CompletableFuture<?>> creations = new ArrayList<>();
    for (ComposeModel.NetworkSpec network : model.networks().values()) {
      boolean used =
          model.services().values().stream().anyMatch(s -> s.networks().contains(network.name()));
      if (!used) {
        continue;
      }
      if (network.external()) {
        networks.put(
            network.name(),
            network.externalName() == null ? network.name() : network.externalName());
      } else {
        String name = identity.resourceName(network.name());
        creations.add(
            CompletableFuture.runAsync(
                () -> engine.createNetwork(name, identity.labels(null, keep), network.internal()),
                executor));
        networks.put(network.name(), name);
      }
    }
    List<String> volumes = new ArrayList<>();
    for (ComposeModel.VolumeSpec volume : model.volumes().values()) {
      if (!volume.external()) {
        String name = identity.resourceName(volume.name());
        creations.add(
            CompletableFuture.runAsync(
                () -> engine.createVolume(name, identity.labels(null, keep)), executor));
        volumes.add(name);
      }
    }
    RuntimeException first = null;
    for (CompletableFuture<?> creation : creations) {
      try {
        creation.join();
      } catch (CompletionException e) {
        if (first == null) {
          first = e.getCause() instanceof RuntimeException cause ? cause : e;
        }
      }
    }
    if (first != null) {
      throw first;
    }
    return new StackResources(networks, volumes);
  }

  /** A kept run's, as its state file recorded them (by engine name only). */
  static StackResources recorded(StackState state) {
    Map<String, String> networks = new LinkedHashMap<>();
    state.networks().forEach(n -> networks.put(n, n));
    return new StackResources(networks, state.volumes());
  }
}
