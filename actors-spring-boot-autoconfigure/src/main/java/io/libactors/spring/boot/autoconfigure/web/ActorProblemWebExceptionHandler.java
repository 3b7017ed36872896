package io.libactors.spring.boot.autoconfigure.web;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * WebFlux: answers an actor exception no {@code @ExceptionHandler} of the application took with
 * its {@link ActorProblem}, before Boot's error handler ({@code -1}) renders it as a 500.
 */
final class ActorProblemWebExceptionHandler implements WebExceptionHandler, Ordered {

	private final Duration retryAfter;

	ActorProblemWebExceptionHandler(Duration retryAfter) {
		this.retryAfter = retryAfter;
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
		ActorProblem problem = ActorProblem.of(ex, this.retryAfter);
		ServerHttpResponse response = exchange.getResponse();
		if (problem == null || response.isCommitted()) {
			return Mono.error(ex);
		}
		response.setStatusCode(HttpStatusCode.valueOf(problem.status()));
		if (problem.retryAfter() > 0) {
			response.getHeaders().set("Retry-After", Long.toString(problem.retryAfter()));
		}
		response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		byte[] body = problem.toJson(exchange.getRequest().getPath().value()).getBytes(StandardCharsets.UTF_8);
		DataBuffer buffer = response.bufferFactory().wrap(body);
		return response.writeWith(Mono.just(buffer));
	}

	@Override
	public int getOrder() {
		return -2;
	}

}
