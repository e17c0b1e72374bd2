package dev.jtest.surefire.plan;

/**
 * The finest thing jtest hands to a worker: a test method, a parameterized test or a test factory,
 * named by its JUnit unique id.
 *
 * @param id the JUnit unique id
 * @param className the class that declares it (a {@code @Nested} class for nested tests)
 * @param topClass the top-level class it belongs to: its tests report in one test set
 * @param moduleKey the source file it comes from, for {@link Distribution#MODULE}
 * @param wholeKey the key of the group it must run with on one worker (see {@link UnitPlanner}), or
 *     null when it may run alone
 * @param serial whether it runs in the serial phase
 * @param name the method name, or the display name of a test that has no method
 * @param label a short name for the console and the timeline
 */
public record TestItem(
    String id,
    String className,
    String topClass,
    String moduleKey,
    String wholeKey,
    boolean serial,
    String name,
    String label) {}
