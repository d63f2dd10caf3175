package dev.gmailcli.harness;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Lets a test (or every test of a class) send requests that no endpoint of the Google stand-in
 * matches without failing: {@link GoogleStandInExtension} otherwise fails any test that does.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface AllowUnmatchedRequests {
  /** Why the unmatched requests are expected. */
  String value();
}
