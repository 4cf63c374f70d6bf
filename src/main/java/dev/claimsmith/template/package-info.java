/**
 * Claims templates: loading from the templates folder, validation, the JSON and Mustache
 * renderer, the template endpoints and the playground.
 */
@ApplicationModule(allowedDependencies = { "store", "web" })
package dev.claimsmith.template;

import org.springframework.modulith.ApplicationModule;
