package dev.claimsmith.template;

/**
 * One problem with a template or its rendering.
 *
 * @param path JSON pointer of the claim at fault ({@code /name}, {@code /org/0}); empty
 * for the template as a whole
 * @param message what is wrong, in the style of WorkOS's messages
 */
public record TemplateError(String path, String message) {
}
