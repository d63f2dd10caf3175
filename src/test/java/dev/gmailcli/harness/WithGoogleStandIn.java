package dev.gmailcli.harness;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs each test of the annotated class against its own Google stand-in in its own temporary HOME:
 * see {@link GoogleStandInExtension}. Test methods, lifecycle methods and constructors may then
 * take a {@link dev.gmailcli.standin.GoogleStandIn}, a {@link CliHarness} and a {@link TempHome}
 * {@code Path}, and the test's non-final fields of those types are filled in before each test.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(GoogleStandInExtension.class)
public @interface WithGoogleStandIn {}
