package dev.claimsmith.template;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

import com.github.mustachejava.Binding;
import com.github.mustachejava.Code;
import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.TemplateContext;
import com.github.mustachejava.codes.IterableCode;
import com.github.mustachejava.codes.ValueCode;
import com.github.mustachejava.reflect.AbstractObjectHandler;
import com.github.mustachejava.util.Wrapper;

/**
 * Resolves mustache.java tags with Claimsmith's expression language instead of
 * reflection: a tag's name is parsed once into an {@link Expression} when the string is
 * compiled and evaluated against the allow-listed context map, which is always the
 * outermost scope ({@link RenderState}). Only {@code .} (the current section item) looks
 * at inner scopes, as mustache.java resolves it itself.
 */
final class ClaimsObjectHandler extends AbstractObjectHandler {

	private static final Binding NOTHING = (scopes) -> null;

	@Override
	public Binding createBinding(String name, TemplateContext context, Code code) {
		// "." (the current section item) is answered by mustache.java itself
		if (name == null || ".".equals(name) || !(code instanceof ValueCode || code instanceof IterableCode)) {
			return NOTHING;
		}
		Expression expression = ExpressionParser.parse(name);
		return (scopes) -> expression.evaluate((RenderState) scopes.get(0));
	}

	@Override
	public Wrapper find(String name, List<Object> scopes) {
		throw new UnsupportedOperationException("Tags are resolved by bindings, not by reflection");
	}

	/** Objects and arrays have no text; scalars are written as their JSON text. */
	@Override
	public String stringify(Object object) {
		return Values.text(object);
	}

	/**
	 * A factory whose templates write values verbatim: the result is a claim, not HTML.
	 */
	static DefaultMustacheFactory factory() {
		DefaultMustacheFactory factory = new DefaultMustacheFactory() {

			@Override
			public void encode(String value, Writer writer) {
				try {
					writer.write(value);
				}
				catch (IOException ex) {
					throw new IllegalStateException(ex);
				}
			}

		};
		factory.setObjectHandler(new ClaimsObjectHandler());
		return factory;
	}

}
