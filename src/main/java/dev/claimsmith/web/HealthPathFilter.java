package dev.claimsmith.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthContributors;
import org.springframework.boot.health.registry.HealthContributorRegistry;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Health paths below {@code /actuator/health/} name a group, a component or a component
 * inside a composite. Actuator answers an unknown one with an empty 404, and a path
 * nested below an unknown one with a 500; this answers both with the contract's 404
 * before the endpoint runs.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 15)
class HealthPathFilter extends OncePerRequestFilter {

	private static final String PREFIX = "/actuator/health/";

	private final ObjectProvider<HealthEndpointGroups> groups;

	private final ObjectProvider<HealthContributorRegistry> registry;

	private final ErrorResponses errorResponses;

	HealthPathFilter(ObjectProvider<HealthEndpointGroups> groups, ObjectProvider<HealthContributorRegistry> registry,
			ErrorResponses errorResponses) {
		this.groups = groups;
		this.registry = registry;
		this.errorResponses = errorResponses;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !request.getRequestURI().startsWith(request.getContextPath() + PREFIX);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String path = request.getRequestURI().substring(request.getContextPath().length() + PREFIX.length());
		if (!path.isEmpty() && !exists(path.split("/", -1))) {
			this.errorResponses.write(response, HttpStatus.NOT_FOUND, RequestErrors.notFound());
			return;
		}
		ContentCachingResponseWrapper buffered = new ContentCachingResponseWrapper(response);
		chain.doFilter(request, buffered);
		if (buffered.getStatus() == HttpStatus.NOT_FOUND.value() && buffered.getContentSize() == 0) {
			// A known name outside the group asked for: actuator's empty 404, given a
			// body.
			this.errorResponses.write(response, HttpStatus.NOT_FOUND, RequestErrors.notFound());
			return;
		}
		buffered.copyBodyToResponse();
	}

	/** Whether the (raw, still encoded) segments name a group and/or a contributor. */
	private boolean exists(String[] segments) {
		HealthEndpointGroups groups = this.groups.getIfAvailable();
		HealthContributors current = this.registry.getIfAvailable();
		if (groups == null || current == null) {
			return true;
		}
		int first = (groups.get(segments[0]) != null) ? 1 : 0;
		for (int i = first; i < segments.length; i++) {
			HealthContributor contributor = (current != null) ? current.getContributor(segments[i]) : null;
			if (contributor == null) {
				return false;
			}
			current = (contributor instanceof CompositeHealthContributor composite) ? composite : null;
		}
		return true;
	}

}
