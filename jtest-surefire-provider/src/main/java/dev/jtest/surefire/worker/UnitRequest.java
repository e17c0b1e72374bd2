package dev.jtest.surefire.worker;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
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
 * more than running them. Selecting the parent of each test (its class) discovers each class once;
 * the filter then drops the tests the unit does not hold, and JUnit prunes the containers left
 * empty. A unit that is a whole class, or another engine's top-level item, is selected as itself.
 */
final class UnitRequest {

  private UnitRequest() {}

  static LauncherDiscoveryRequest of(
      Collection<String> ids, Filter<?>[] engines, Map<String, String> configuration) {
    Set<String> wanted = new HashSet<>(ids);
    return request()
        .selectors(selectors(ids))
        .filters(engines)
        .filters(keepOnly(wanted))
        .configurationParameters(configuration)
        .build();
  }

  /** The parents of the tests, each once, in the tests' order; a top-level item itself. */
  static List<DiscoverySelector> selectors(Collection<String> ids) {
    Set<UniqueId> containers = new LinkedHashSet<>();
    for (String id : ids) {
      UniqueId test = UniqueId.parse(id);
      UniqueId parent = test.removeLastSegment();
      // [engine:x] alone is the engine: selecting it would run every test it has.
      containers.add(parent.getSegments().size() > 1 ? parent : test);
    }
    return containers.stream().map(id -> (DiscoverySelector) selectUniqueId(id)).toList();
  }

  /** Keeps a test when it, or a container above it, is one of the unit's ids. */
  static PostDiscoveryFilter keepOnly(Set<String> wanted) {
    return descriptor -> {
      for (UniqueId id = descriptor.getUniqueId();
          id.getSegments().size() > 1;
          id = id.removeLastSegment()) {
        if (wanted.contains(id.toString())) {
          return FilterResult.included("in this unit");
        }
      }
      return FilterResult.excluded("in another unit");
    };
  }
}
