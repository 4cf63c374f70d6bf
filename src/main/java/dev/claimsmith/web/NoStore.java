package dev.claimsmith.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an endpoint whose answers carry tokens: every answer, errors included, gets
 * {@code Cache-Control: no-store} and {@code Pragma: no-cache} (RFC 6749 §5.1), so no
 * cache or proxy keeps a token.
 */
@Target({ ElementType.METHOD, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface NoStore {

}
