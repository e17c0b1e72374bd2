package dev.jtest.junit;

import static org.apiguardian.api.API.Status.STABLE;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Lets a test class receive the endpoints of the services jtest started: parameters annotated
 * {@link ComposeService} of type {@link java.net.URI}, {@link String} (the URL) or {@link
 * ServiceEndpoint}, and {@link TestData}.
 *
 * <pre>{@code
 * @WithServices
 * class OAuthFlowIT {
 *   @Test
 *   void registersAClient(@ComposeService("auth") ServiceEndpoint auth) {
 *     ... auth.url("/register") ...
 *   }
 * }
 * }</pre>
 */
@API(status = STABLE, since = "0.1")
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@ExtendWith(ServicesExtension.class)
public @interface WithServices {}
