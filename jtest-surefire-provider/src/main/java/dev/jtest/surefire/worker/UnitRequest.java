package dev.jtest.surefire.worker;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.Filter;
import org.junit.platform.engine.FilterResult;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.PostDiscoveryFilter;

/**
 * The launcher request that runs one unit's tests: their containers selected once each, and a
 * filter that keeps only the unit's tests.
 *
 * <p>Selecting each test by its unique id makes the engine resolve every id on its own (in Jupiter,
 * a search of the class's methods per test), which for a batch of thousands of fast tests costs
 * more than running them. So where all of a class's ids in the unit are its own direct children
 * (methods, templates, factories), the class is selected once and the filter drops the tests the
 * unit does not hold; JUnit prunes the containers left empty. Any deeper id (one invocation of a
 * parameterized test, which a rerun asks for, or a test of a nested class) is selected by its
 * unique id as before, with its class's other ids, since selecting the class would run the whole
 * template. A unit that is a whole class, or another engine's top-level item, is selected as
 * itself.
 */
final class UnitRequest {

  private UnitRequest() {}

  static LauncherDiscoveryRequest of(
      Collection<String> ids, Filter<?>[] engines, Map<String, String> configuration) {
    Plan plan = plan(ids);
    return request()
        .selectors(plan.selectors)
        .filters(engines)
        .filters(keepOnly(new HashSet<>(ids), plan.filtered))
        .configurationParameters(configuration)
        .build();
  }

  /**
   * A class once for the ids that are its direct children, where all of its ids are; each id itself
   * otherwise. In the ids' order.
   */
  static List<DiscoverySelector> selectors(Collection<String> ids) {
    return plan(ids).selectors;
  }

  private record Plan(List<DiscoverySelector> selectors, Set<UniqueId> filtered) {}

  private static Plan plan(Collection<String> ids) {
    // Per top-level container (its first two segments): the ids under it.
    Map<UniqueId, List<UniqueId>> byTop = new LinkedHashMap<>();
    for (String id : ids) {
      UniqueId test = UniqueId.parse(id);
      byTop.computeIfAbsent(top(test), t -> new ArrayList<>()).add(test);
    }
    List<DiscoverySelector> selectors = new ArrayList<>();
    Set<UniqueId> filtered = new HashSet<>();
    byTop.forEach(
        (top, tests) -> {
          boolean direct =
              tests.stream().allMatch(t -> t.getSegments().size() == top.getSegments().size() + 1);
          if (direct && top.getSegments().size() > 1) {
            selectors.add(selectUniqueId(top));
            filtered.add(top);
          } else {
            tests.forEach(t -> selectors.add(selectUniqueId(t)));
          }
        });
    return new Plan(selectors, filtered);
  }

  /** [engine:x]/[class:y] of an id, or the id itself when it is that short. */
  private static UniqueId top(UniqueId id) {
    UniqueId top = id;
    while (top.getSegments().size() > 2) {
      top = top.removeLastSegment();
    }
    return top;
  }

  /**
   * Keeps a test when it, or a container above it, is one of the unit's ids; a test under a
   * container selected by its unique id is the engine's to choose.
   */
  static PostDiscoveryFilter keepOnly(Set<String> wanted, Set<UniqueId> filtered) {
    return descriptor -> {
      UniqueId id = descriptor.getUniqueId();
      if (!filtered.contains(top(id))) {
        return FilterResult.included("selected by its unique id");
      }
      for (; id.getSegments().size() > 1; id = id.removeLastSegment()) {
        if (wanted.contains(id.toString())) {
          return FilterResult.included("in this unit");
        }
      }
      return FilterResult.excluded("in another unit");
    };
  }
}
