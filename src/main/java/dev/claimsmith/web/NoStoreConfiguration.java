package dev.claimsmith.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Applies {@link NoStore}: the headers are set before the endpoint runs, so they are on
 * its answer whether it succeeds or fails.
 */
@Configuration(proxyBeanMethods = false)
class NoStoreConfiguration implements WebMvcConfigurer {

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new NoStoreInterceptor());
	}

	private static final class NoStoreInterceptor implements HandlerInterceptor {

		@Override
		public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
			if (handler instanceof HandlerMethod method && (method.hasMethodAnnotation(NoStore.class)
					|| AnnotatedElementUtils.hasAnnotation(method.getBeanType(), NoStore.class))) {
				response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
				response.setHeader(HttpHeaders.PRAGMA, "no-cache");
			}
			return true;
		}

	}

}
