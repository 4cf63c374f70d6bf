package dev.claimsmith.template;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

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
@ConfigurationProperties(TemplateProperties.PREFIX)
record TemplateProperties(@DefaultValue("./templates") Path dir, @DefaultValue("3072") int maxClaimsBytes,
		@DefaultValue("2s") Duration reloadInterval, @DefaultValue("4096") int maxStringLength,
		@DefaultValue("100") int maxSplitItems, @DefaultValue("8") int maxValueDepth,
		@DefaultValue("65536") int maxTemplateBytes, @DefaultValue("32") int maxSectionDepth) {

	static final String PREFIX = "claimsmith.templates";

	/**
	 * The defaults for {@code dir}, for code and tests that run without Spring: bound as
	 * Spring binds the configuration, so the {@link DefaultValue} annotations above are
	 * their one definition.
	 */
	static TemplateProperties defaults(Path dir) {
		return new Binder(new MapConfigurationPropertySource(Map.of(PREFIX + ".dir", dir.toString())))
			.bindOrCreate(PREFIX, TemplateProperties.class);
	}

	TemplateProperties withReloadInterval(Duration interval) {
		return new TemplateProperties(this.dir, this.maxClaimsBytes, interval, this.maxStringLength, this.maxSplitItems,
				this.maxValueDepth, this.maxTemplateBytes, this.maxSectionDepth);
	}

	TemplateProperties withMaxClaimsBytes(int max) {
		return new TemplateProperties(this.dir, max, this.reloadInterval, this.maxStringLength, this.maxSplitItems,
				this.maxValueDepth, this.maxTemplateBytes, this.maxSectionDepth);
	}

	TemplateProperties withMaxSectionDepth(int max) {
		return new TemplateProperties(this.dir, this.maxClaimsBytes, this.reloadInterval, this.maxStringLength,
				this.maxSplitItems, this.maxValueDepth, this.maxTemplateBytes, max);
	}

}
