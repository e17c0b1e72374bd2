package dev.jtest.core.services;

import dev.jtest.core.engine.Engine;
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

  /** Removes {@code resources}: containers, then networks, then volumes. */
  public void remove(List<LabelledResource> resources) {
    List<LabelledResource> ordered = new ArrayList<>(resources);
    ordered.sort(Comparator.comparing(LabelledResource::kind));
    for (LabelledResource resource : ordered) {
      switch (resource.kind()) {
        case CONTAINER -> engine.removeContainer(resource.id());
        case NETWORK -> engine.removeNetwork(resource.id());
        case VOLUME -> engine.removeVolume(resource.id());
      }
    }
  }

  /** Removes everything labelled with {@code runId}, whoever owns it. */
  public void removeRun(String runId) {
    remove(engine.findLabelled(Map.of(RunIdentity.RUN, runId)));
  }
}
