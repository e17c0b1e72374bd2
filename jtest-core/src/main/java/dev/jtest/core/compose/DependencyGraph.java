package dev.jtest.core.compose;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The services' {@code depends_on} graph, checked for unknown services and cycles. */
public final class DependencyGraph {

  private final Map<String, ServiceSpec> services;

  private DependencyGraph(Map<String, ServiceSpec> services) {
    this.services = services;
  }

  /**
   * Checks the graph of {@code services}.
   *
   * @throws dev.jtest.core.ConfigurationException naming the services of an unknown dependency or
   *     of a cycle, before anything starts
   */
  public static DependencyGraph of(Map<String, ServiceSpec> services) {
    for (ServiceSpec service : services.values()) {
      for (String dependency : service.dependsOn().keySet()) {
        if (!services.containsKey(dependency)) {
          throw ComposeLoader.error(
              service.location(),
              service.name(),
              "depends on unknown service '"
                  + dependency
                  + "' (known: "
                  + String.join(", ", new TreeSet<>(services.keySet()))
                  + ")");
        }
      }
    }
    Set<String> done = new LinkedHashSet<>();
    for (String name : services.keySet()) {
      visit(name, services, new ArrayList<>(), done);
    }
    return new DependencyGraph(services);
  }

  /**
   * The services in stop order: groups that can stop in parallel, dependents before what they
   * depend on.
   */
  public List<List<String>> stopOrder() {
    List<List<String>> start = startWaves();
    List<List<String>> reversed = new ArrayList<>(start);
    java.util.Collections.reverse(reversed);
    return reversed;
  }

  /** The services in start waves: each wave depends only on earlier waves. */
  public List<List<String>> startWaves() {
    Map<String, Integer> depth = new LinkedHashMap<>();
    for (String name : services.keySet()) {
      depth(name, depth);
    }
    List<List<String>> waves = new ArrayList<>();
    for (Map.Entry<String, Integer> entry : depth.entrySet()) {
      while (waves.size() <= entry.getValue()) {
        waves.add(new ArrayList<>());
      }
      waves.get(entry.getValue()).add(entry.getKey());
    }
    return waves;
  }

  private int depth(String name, Map<String, Integer> memo) {
    Integer known = memo.get(name);
    if (known != null) {
      return known;
    }
    int depth = 0;
    for (String dependency : services.get(name).dependsOn().keySet()) {
      depth = Math.max(depth, depth(dependency, memo) + 1);
    }
    memo.put(name, depth);
    return depth;
  }

  private static void visit(
      String name, Map<String, ServiceSpec> services, List<String> path, Set<String> done) {
    if (done.contains(name)) {
      return;
    }
    int seen = path.indexOf(name);
    if (seen >= 0) {
      List<String> cycle = new ArrayList<>(path.subList(seen, path.size()));
      cycle.add(name);
      List<String> places = new ArrayList<>();
      for (String member : cycle.subList(0, cycle.size() - 1)) {
        places.add(member + " at " + services.get(member).location());
      }
      throw new dev.jtest.core.ConfigurationException(
          "dependency cycle: "
              + String.join(" -> ", cycle)
              + " ("
              + String.join(", ", places)
              + "): remove one of these depends_on entries");
    }
    path.add(name);
    for (String dependency : services.get(name).dependsOn().keySet()) {
      visit(dependency, services, path, done);
    }
    path.remove(path.size() - 1);
    done.add(name);
  }
}
