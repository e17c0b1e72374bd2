package dev.jtest.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Lets a test class receive the endpoints of the services jtest started: parameters annotated
 * {@link Service} of type {@link java.net.URI}, {@link String} (the URL) or {@link
 * ServiceEndpoint}.
 *
 * <pre>{@code
 * @WithServices
 * class OAuthFlowIT {
 *   @Test
 *   void registersAClient(@Service("auth") ServiceEndpoint auth) { ... auth.url("/register") ... }
 * }
 * }</pre>
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@ExtendWith(ServicesExtension.class)
public @interface WithServices {}
