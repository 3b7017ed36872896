package io.libactors;

/**
 * The last message every actor receives, exactly once, however it ends. Handle it to clean up.
 */
public record ShutdownMessage() implements Message {
}
