package dev.jtest.junit;

import static org.apiguardian.api.API.Status.DEPRECATED;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;
import org.junit.jupiter.api.Tag;

/**
 * The former name of {@link RunSerially}, which it equals: it carries the same tag.
 *
 * @deprecated an IDE's auto-import takes {@code java.io.Serial} for it; use {@link RunSerially}.
 *     This name goes in the release after 0.1.
 */
@Deprecated(since = "0.1", forRemoval = true)
@API(status = DEPRECATED, since = "0.1")
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Tag(RunSerially.TAG)
public @interface Serial {

  /** The JUnit tag this annotation carries: {@link RunSerially#TAG}. */
  String TAG = RunSerially.TAG;
}
