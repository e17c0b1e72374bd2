package dev.jtest.core.engine;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Network;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Finds the containers, networks and volumes that jtest labelled, whatever run made them. */
final class LabelSearch {

  private final DockerClient client;

  LabelSearch(DockerClient client) {
    this.client = client;
  }

  /** Containers, networks and volumes that carry all of {@code labels} ({@code key=value}). */
  List<LabelledResource> find(Map<String, String> labels) {
    List<String> filter = new ArrayList<>();
    labels.forEach((k, v) -> filter.add(v == null ? k : k + "=" + v));
    List<LabelledResource> found = new ArrayList<>();
    try {
      for (Container container :
          client.listContainersCmd().withShowAll(true).withLabelFilter(labels).exec()) {
        String name =
            container.getNames() == null || container.getNames().length == 0
                ? container.getId()
                : container.getNames()[0].replaceFirst("^/", "");
        found.add(
            new LabelledResource(
                LabelledResource.Kind.CONTAINER,
                container.getId(),
                name,
                copy(container.getLabels()),
                "running".equals(container.getState())));
      }
      for (Network network : client.listNetworksCmd().withFilter("label", filter).exec()) {
        found.add(
            new LabelledResource(
                LabelledResource.Kind.NETWORK,
                network.getId(),
                network.getName(),
                copy(network.getLabels()),
                false));
      }
      var volumes = client.listVolumesCmd().withFilter("label", filter).exec().getVolumes();
      if (volumes != null) {
        for (var volume : volumes) {
          found.add(
              new LabelledResource(
                  LabelledResource.Kind.VOLUME,
                  volume.getName(),
                  volume.getName(),
                  copy(volume.getLabels()),
                  false));
        }
      }
    } catch (RuntimeException e) {
      throw EngineFailures.failure("list resources labelled " + filter, e);
    }
    return found;
  }

  private static Map<String, String> copy(Map<String, String> labels) {
    return labels == null ? Map.of() : Map.copyOf(labels);
  }
}
