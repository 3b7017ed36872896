package io.libactors;

/**
 * Marker for everything an actor can receive. Messages are records (or final immutable
 * classes) that Jackson can write and read back; the JSON check runs when an actor that
 * handles the type is created.
 */
public interface Message {
}
