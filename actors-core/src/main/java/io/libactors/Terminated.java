package io.libactors;

/**
 * Sent to an actor that watches another ({@link Context#watch(ActorProxy)}) once the watched one
 * has stopped, however it stopped, exactly once; at once if it had stopped before the watch.
 * An actor that watches handles this type.
 *
 * @param name the name of the actor that stopped
 * @param failed whether it stopped because of a failure
 */
public record Terminated(String name, boolean failed) implements Message {
}
