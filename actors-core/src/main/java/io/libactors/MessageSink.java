package io.libactors;

import org.jspecify.annotations.Nullable;

/**
 * An actor that takes every message, whatever its type: for tools such as a test kit's probe,
 * not for application actors, which declare {@link MessageHandler} methods so that their types
 * are checked when they are created. A sink declares no handler of its own, is no subscriber of
 * published types and never gets {@link ShutdownMessage}; no type of its is checked for JSON when
 * it is created (under {@code EVERY_MESSAGE} each message sent to it still makes the round trip).
 * <p>
 * Threading: as any actor's handlers, one message at a time.
 */
public interface MessageSink extends Actor {

	/**
	 * One message.
	 * @return the reply to an {@code ask}, or {@code null}
	 * @throws Exception as a handler may: the actor's supervision decides
	 */
	@Nullable Object receive(Context context, Message message) throws Exception;

}
