package dev.claimsmith.template;

/**
 * Something worth telling a template author that does not stop rendering, such as a
 * reference to a metadata key the user or organization does not have.
 *
 * @param path JSON pointer of the claim
 * @param message what was noticed
 */
public record TemplateWarning(String path, String message) {
}
