package dev.jtest.junit;

import static org.apiguardian.api.API.Status.STABLE;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;
import org.junit.jupiter.api.Tag;

/**
 * Runs a test class or method in jtest's serial phase: after every parallel test has finished, one
 * at a time, in one worker JVM, with no other test of the build running. For tests that change
 * state other tests share (a service's global settings, a fixed port, a shared directory).
 *
 * <p>Equivalent to {@code @Tag("serial")}; {@code -Djtest.m=serial} runs only these tests and
 * {@code -Djtest.m="not serial"} all the others. On a class it covers its methods and its
 * {@code @Nested} classes.
 */
@API(status = STABLE, since = "0.1")
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Tag(RunSerially.TAG)
public @interface RunSerially {

  /** The JUnit tag this annotation carries. */
  String TAG = "serial";
}
