package io.libactors;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A message with its delivery data.
 *
 * @param id unique per message
 * @param sender the sending actor's name, {@code null} from outside any actor
 * @param receiver the receiving actor's name
 * @param message the message itself
 * @param timestamp when the message was sent
 */
public record Envelope(String id, @Nullable String sender, String receiver, Message message, Instant timestamp) {
}
