package dev.jtest.maven;

import dev.jtest.core.cleanup.Cleaner;
import dev.jtest.core.cleanup.CleanupException;
import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * The {@code dev.jtest.junit.TestDataCleaner}s on the project's test class path, found with {@link
 * ServiceLoader} in a class loader of that class path (so that they see the user's classes and
 * JUnit, not the plugin's), and called by reflection. jtest filters the names a cleaner shows by
 * the prefix before it asks the cleaner to delete them.
 */
final class JavaCleaners {

  static final String INTERFACE = "dev.jtest.junit.TestDataCleaner";

  private JavaCleaners() {}

  static List<Cleaner> load(List<String> testClasspath, Map<String, String> endpoints) {
    List<URL> urls = new ArrayList<>();
    for (String element : testClasspath) {
      try {
        urls.add(new File(element).toURI().toURL());
      } catch (MalformedURLException e) {
        // Not a path: nothing to load from it.
      }
    }
    URLClassLoader loader =
        new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
    Class<?> type;
    try {
      type = Class.forName(INTERFACE, false, loader);
    } catch (ClassNotFoundException e) {
      return List.of();
    }
    List<Cleaner> cleaners = new ArrayList<>();
    for (Object cleaner : ServiceLoader.load(type, loader)) {
      cleaners.add(new Adapter(cleaner, type, endpoints));
    }
    return cleaners;
  }

  private static final class Adapter implements Cleaner {
    private final Object cleaner;
    private final Method show;
    private final Method clean;
    private final Method context;
    private final Map<String, String> endpoints;

    Adapter(Object cleaner, Class<?> type, Map<String, String> endpoints) {
      this.cleaner = cleaner;
      this.endpoints = endpoints;
      try {
        Class<?> contextType = Class.forName(INTERFACE + "$Context", true, type.getClassLoader());
        this.context = contextType.getMethod("of", String.class, Map.class);
        this.show = type.getMethod("show", contextType);
        this.clean = type.getMethod("clean", contextType, List.class);
      } catch (ReflectiveOperationException e) {
        throw new CleanupException(
            "the jtest-junit on the test class path does not match this plugin ("
                + e
                + "): use the same version");
      }
    }

    @Override
    public String id() {
      return "java:" + cleaner.getClass().getName();
    }

    @Override
    public List<String> show(String prefix) {
      List<String> names = new ArrayList<>();
      for (Object name : (List<?>) call(show, context(prefix))) {
        if (name != null && String.valueOf(name).startsWith(prefix)) {
          names.add(String.valueOf(name));
        }
      }
      return names;
    }

    @Override
    public int clean(String prefix) {
      List<String> names = show(prefix);
      if (!names.isEmpty()) {
        call(clean, context(prefix), List.copyOf(names));
      }
      return names.size();
    }

    private Object context(String prefix) {
      try {
        return context.invoke(null, prefix, endpoints);
      } catch (ReflectiveOperationException e) {
        throw new CleanupException(id() + ": cannot create its context: " + e);
      }
    }

    private Object call(Method method, Object... arguments) {
      try {
        return method.invoke(cleaner, arguments);
      } catch (InvocationTargetException e) {
        throw new CleanupException(id() + "." + method.getName() + " failed: " + e.getCause());
      } catch (IllegalAccessException e) {
        throw new CleanupException(
            id() + "." + method.getName() + " is not accessible: " + e.getMessage());
      }
    }
  }
}
