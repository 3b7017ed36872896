package io.libactors.test;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One line logged while {@link CapturedLogs} listened.
 *
 * @param level {@code ERROR}, {@code WARN}, {@code INFO}, {@code DEBUG} or {@code TRACE}
 * @param logger the logger's name (an actor's class, for {@code Context.info} and the like)
 * @param message the message with its arguments filled in
 * @param mdc the MDC fields of the line: {@code actor}, {@code messageType}, {@code envelopeId}
 * and what {@code Context.bind} added, in a handler
 */
public record LogLine(String level, String logger, String message, Map<String, String> mdc) {

	/** The actor that logged the line, or {@code null} outside any. */
	public @Nullable String actor() {
		return this.mdc.get("actor");
	}

}
