package dev.claimsmith.template;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where templates live and the limits every rendering obeys.
 *
 * @param dir folder of {@code <name>.json} templates
 * @param maxClaimsBytes largest rendered claims object, in UTF-8 bytes of compact JSON
 * (WorkOS's limit by default)
 * @param reloadInterval how often the folder is polled for changes; zero turns polling
 * off
 * @param maxStringLength longest string a tag inside a string may render
 * @param maxSplitItems most items {@code | split(',')} may produce
 * @param maxValueDepth deepest object or array a typed tag may copy from the context
 * @param maxTemplateBytes largest template file accepted
 * @param maxSectionDepth deepest nesting of mustache sections inside one string (a deeper
 * one is refused when the template is loaded, so rendering stays shallow)
 */
@ConfigurationProperties("claimsmith.templates")
record TemplateProperties(@DefaultValue("./templates") Path dir, @DefaultValue("3072") int maxClaimsBytes,
		@DefaultValue("2s") Duration reloadInterval, @DefaultValue("4096") int maxStringLength,
		@DefaultValue("100") int maxSplitItems, @DefaultValue("8") int maxValueDepth,
		@DefaultValue("65536") int maxTemplateBytes, @DefaultValue("32") int maxSectionDepth) {

	/** Defaults, for code and tests that run without Spring. */
	static TemplateProperties defaults(Path dir) {
		return new TemplateProperties(dir, 3072, Duration.ofSeconds(2), 4096, 100, 8, 65536, 32);
	}

	TemplateProperties withReloadInterval(Duration interval) {
		return new TemplateProperties(this.dir, this.maxClaimsBytes, interval, this.maxStringLength, this.maxSplitItems,
				this.maxValueDepth, this.maxTemplateBytes, this.maxSectionDepth);
	}

	TemplateProperties withMaxClaimsBytes(int max) {
		return new TemplateProperties(this.dir, max, this.reloadInterval, this.maxStringLength, this.maxSplitItems,
				this.maxValueDepth, this.maxTemplateBytes, this.maxSectionDepth);
	}

}
