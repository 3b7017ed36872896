package io.libactors.spring.boot.autoconfigure.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * Spring MVC: answers an actor exception no {@code @ExceptionHandler} of the application took
 * with its {@link ActorProblem}. Ordered last, after the resolvers of the application's own
 * exception handlers.
 */
final class ActorProblemResolver implements HandlerExceptionResolver, Ordered {

	private final Duration retryAfter;

	ActorProblemResolver(Duration retryAfter) {
		this.retryAfter = retryAfter;
	}

	@Override
	public @Nullable ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response,
			@Nullable Object handler, Exception ex) {
		ActorProblem problem = ActorProblem.of(ex, this.retryAfter);
		if (problem == null || response.isCommitted()) {
			return null;
		}
		try {
			response.resetBuffer();
			response.setStatus(problem.status());
			if (problem.retryAfter() > 0) {
				response.setHeader("Retry-After", Long.toString(problem.retryAfter()));
			}
			response.setContentType("application/problem+json");
			response.setCharacterEncoding(StandardCharsets.UTF_8.name());
			response.getWriter().write(problem.toJson(request.getRequestURI()));
			response.flushBuffer();
		}
		catch (IOException writeFailed) {
			return null;
		}
		return new ModelAndView();
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
