package io.libactors;

/**
 * Sent to a timer's owner, if it handles this type, after the last tick of a
 * {@link Schedule} with {@link Schedule#times(int) times(n)} has been handled.
 *
 * @param key the timer's key
 */
public record TimerDone(String key) implements Message {
}
