package dev.claimsmith.template;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A compiled claims template: parsed and checked once, then rendered any number of times
 * from any number of threads (immutable).
 *
 * <p>
 * The context is a {@code Map<String, Object>} with optional top-level keys {@code user},
 * {@code organization} and {@code organization_membership}, each a
 * {@code Map<String, Object>} or absent/null, shaped as {@link ClaimsContextSchema}
 * declares (the metadata classes are maps of plain JSON values). Values are String,
 * Boolean, Number, List, Map or null; other keys in the maps are never read. Any path the
 * schema does not declare is refused when the template is compiled.
 *
 * <p>
 * A template is written in one of two dialects ({@link TemplateDialect}): Claimsmith's
 * own (a superset of WorkOS's) or Clerk's. Both compile to the same node tree and render
 * the same way; the dialect also says which claims the token minter reserves and, for
 * Clerk, the token's lifetime and clock skew, which a Clerk template carries itself.
 */
public final class ClaimsTemplate {

	/** The error of a rendering the engine itself failed, whatever the data. */
	static final String RENDER_ERROR = "Template render error";

	private final String name;

	private final String source;

	private final ClaimNode root;

	private final Set<String> claimNames;

	private final TemplateProperties properties;

	private final List<TemplateWarning> warnings;

	private final TokenSettings settings;

	ClaimsTemplate(String name, String source, ClaimNode.ObjectNode root, TemplateProperties properties,
			List<TemplateWarning> warnings) {
		this(name, source, root, root.members().keySet(), properties, warnings, TokenSettings.CLAIMSMITH);
	}

	ClaimsTemplate(String name, String source, ClaimNode root, Set<String> claimNames, TemplateProperties properties,
			List<TemplateWarning> warnings, TokenSettings settings) {
		this.name = name;
		this.source = source;
		this.root = root;
		this.claimNames = Collections.unmodifiableSet(new LinkedHashSet<>(claimNames));
		this.properties = properties;
		this.warnings = List.copyOf(warnings);
		this.settings = settings;
	}

	public String name() {
		return this.name;
	}

	/** The template text it was compiled from. */
	String source() {
		return this.source;
	}

	/**
	 * What the template author should know about the template itself, found when it was
	 * compiled (such as an authorization-like claim fed from
	 * {@code user.unsafe_metadata}), each with its claim's pointer.
	 */
	public List<TemplateWarning> warnings() {
		return this.warnings;
	}

	/** The top-level claims the template defines, in template order. */
	Set<String> claimNames() {
		return this.claimNames;
	}

	/** The dialect the template is written in. */
	public TemplateDialect dialect() {
		return this.settings.dialect();
	}

	/**
	 * The lifetime of the tokens the template makes, when the template itself says (a
	 * Clerk template always does); else the token configuration decides.
	 */
	public Optional<Duration> lifetime() {
		return Optional.ofNullable(this.settings.lifetime());
	}

	/**
	 * How far before issue a token is already valid ({@code nbf = iat - skew}): a Clerk
	 * template's {@code allowed_clock_skew}; zero otherwise.
	 */
	public Duration allowedClockSkew() {
		return this.settings.allowedClockSkew();
	}

	/**
	 * Renders the claims for one context (see the class comment for its shape; null reads
	 * as empty).
	 * @throws TemplateException on a failed cast, an object or array inside a string, or
	 * claims larger than the configured limit
	 */
	@SuppressWarnings("unchecked")
	public RenderedClaims render(Map<String, Object> context) {
		RenderState state = new RenderState(context, this.properties);
		Map<String, Object> claims;
		try {
			claims = (Map<String, Object>) this.root.render(state);
		}
		catch (TemplateException ex) {
			throw ex;
		}
		catch (RuntimeException | StackOverflowError ex) {
			// Not a failure the renderer expects: still this template's error (a 422 for
			// this mint), never a 500 or a broken server.
			throw new TemplateException("", RENDER_ERROR);
		}
		long size = JsonSize.of(claims);
		if (size > this.properties.maxClaimsBytes()) {
			throw new TemplateException("", "Rendered claims are " + size + " bytes, over the limit of "
					+ this.properties.maxClaimsBytes() + " bytes");
		}
		return new RenderedClaims(claims, (int) size, new ArrayList<>(state.warnings()));
	}

	@Override
	public String toString() {
		return "ClaimsTemplate[" + this.name + "]";
	}

}
