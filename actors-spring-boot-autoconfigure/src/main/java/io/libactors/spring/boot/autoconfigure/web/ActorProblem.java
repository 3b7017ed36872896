package io.libactors.spring.boot.autoconfigure.web;

import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import io.libactors.AskTimeoutException;
import io.libactors.MailboxFullException;
import io.libactors.UndeliverableMessageException;
import org.jspecify.annotations.Nullable;

/**
 * The HTTP answer to an actor exception that reached a web request unhandled: an RFC 9457
 * problem detail naming the actor and the message type (the exceptions' messages carry names
 * only, never payloads), with {@code Retry-After} where trying again later helps.
 *
 * @param status the HTTP status
 * @param title the status's reason phrase
 * @param detail the exception's message
 * @param retryAfter seconds to wait before a retry, or {@code 0} for no header
 */
record ActorProblem(int status, String title, String detail, long retryAfter) {

	/** The problem for {@code failure} (or the cause it wraps), or {@code null} if it is not an actor's. */
	static @Nullable ActorProblem of(Throwable failure, Duration retryAfter) {
		Throwable cause = failure;
		while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
			cause = cause.getCause();
		}
		long seconds = Math.max(1, retryAfter.toSeconds());
		if (cause instanceof MailboxFullException) {
			return new ActorProblem(503, "Service Unavailable", cause.getMessage(), seconds);
		}
		if (cause instanceof UndeliverableMessageException) {
			return new ActorProblem(503, "Service Unavailable", cause.getMessage(), seconds);
		}
		if (cause instanceof AskTimeoutException) {
			return new ActorProblem(504, "Gateway Timeout", cause.getMessage(), 0);
		}
		return null;
	}

	/** The problem as {@code application/problem+json}. */
	String toJson(String instance) {
		return "{\"type\":\"about:blank\",\"title\":" + quote(this.title) + ",\"status\":" + this.status + ",\"detail\":"
				+ quote(this.detail) + ",\"instance\":" + quote(instance) + "}";
	}

	private static String quote(@Nullable String text) {
		if (text == null) {
			return "null";
		}
		StringBuilder json = new StringBuilder(text.length() + 2).append('"');
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '"' -> json.append("\\\"");
				case '\\' -> json.append("\\\\");
				default -> {
					if (c < 0x20) {
						json.append(String.format("\\u%04x", (int) c));
					}
					else {
						json.append(c);
					}
				}
			}
		}
		return json.append('"').toString();
	}

}
