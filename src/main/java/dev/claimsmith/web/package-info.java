/**
 * The API's shared web layer: the contract's error shape and exception handler,
 * pagination envelope, JSON reading of request bodies, request ids and limits. Shared:
 * every module may use it, and it uses none.
 */
@ApplicationModule(allowedDependencies = {})
package dev.claimsmith.web;

import org.springframework.modulith.ApplicationModule;
