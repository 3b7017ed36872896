package io.libactors;

import org.jspecify.annotations.Nullable;

/**
 * Sent to an actlet's owner, if it handles this type, when the actlet threw.
 *
 * @param actletId the id {@link Context#actlet} returned
 * @param exceptionClass the thrown exception's class name
 * @param exceptionMessage the thrown exception's message
 */
public record ActletFailed(String actletId, String exceptionClass, @Nullable String exceptionMessage)
		implements Message {
}
