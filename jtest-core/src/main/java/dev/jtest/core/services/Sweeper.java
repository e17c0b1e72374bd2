package dev.jtest.core.services;

import dev.jtest.core.engine.Engine;
import dev.jtest.core.engine.EngineException;
import dev.jtest.core.engine.LabelledResource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Finds and removes engine resources of a project whose owning process is gone (a build killed with
 * SIGKILL, a crashed JVM). Never touches resources of other projects, of live runs, or of a stack
 * kept with {@code jtest.keepRunning}.
 */
public final class Sweeper {

  private final Engine engine;

  public Sweeper(Engine engine) {
    this.engine = engine;
  }

  /** The project's leftover resources, containers first. */
  public List<LabelledResource> leftovers(String projectId) {
    String host = RunIdentity.hostName();
    List<LabelledResource> found = new ArrayList<>();
    for (LabelledResource resource : engine.findLabelled(Map.of(RunIdentity.PROJECT, projectId))) {
      if (!"true".equals(resource.labels().get(RunIdentity.KEEP))
          && RunIdentity.ownerIsGone(resource.labels(), host)) {
        found.add(resource);
      }
    }
    found.sort(Comparator.comparing(LabelledResource::kind));
    return found;
  }

  /**
   * Removes {@code resources}: containers, then networks, then volumes. Containers go in passes:
   * Podman refuses to remove one that another still joins ({@code network_mode}, {@code ipc},
   * {@code pid}: "has dependent containers"), where Docker removes both in any order; so a refused
   * removal is tried again after the others, until a pass removes nothing, whose first failure is
   * thrown.
   */
  public void remove(List<LabelledResource> resources) {
    List<LabelledResource> ordered = new ArrayList<>(resources);
    ordered.sort(Comparator.comparing(LabelledResource::kind));
    removeContainers(
        ordered.stream().filter(r -> r.kind() == LabelledResource.Kind.CONTAINER).toList());
    for (LabelledResource resource : ordered) {
      if (resource.kind() == LabelledResource.Kind.NETWORK) {
        engine.removeNetwork(resource.id());
      } else if (resource.kind() == LabelledResource.Kind.VOLUME) {
        engine.removeVolume(resource.id());
      }
    }
  }

  private void removeContainers(List<LabelledResource> containers) {
    List<LabelledResource> pending = new ArrayList<>(containers);
    while (!pending.isEmpty()) {
      List<LabelledResource> refused = new ArrayList<>();
      EngineException first = null;
      for (LabelledResource container : pending) {
        try {
          engine.removeContainer(container.id());
        } catch (EngineException e) {
          refused.add(container);
          first = first == null ? e : first;
        }
      }
      if (refused.size() == pending.size()) {
        throw first;
      }
      pending = refused;
    }
  }

  /** Removes everything labelled with {@code runId}, whoever owns it. */
  public void removeRun(String runId) {
    remove(engine.findLabelled(Map.of(RunIdentity.RUN, runId)));
  }
}
