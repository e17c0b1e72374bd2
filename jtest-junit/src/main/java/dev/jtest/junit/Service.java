package dev.jtest.junit;

import static org.apiguardian.api.API.Status.DEPRECATED;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;

/**
 * The former name of {@link ComposeService}, which it equals.
 *
 * @deprecated an IDE's auto-import takes Spring's {@code @Service} for it; use {@link
 *     ComposeService}. This name goes in the release after 0.1.
 */
@Deprecated(since = "0.1", forRemoval = true)
@API(status = DEPRECATED, since = "0.1")
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface Service {

  /** The service's name in the compose file. */
  String value();
}
