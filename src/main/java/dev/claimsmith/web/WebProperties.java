package dev.claimsmith.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits applied to every request.
 *
 * @param maxBodySize largest accepted request body (over it: 413)
 * @param maxJsonDepth deepest accepted JSON nesting (over it: 422)
 */
@ConfigurationProperties("claimsmith.web")
public record WebProperties(@DefaultValue("1MB") DataSize maxBodySize, @DefaultValue("32") int maxJsonDepth) {
}
