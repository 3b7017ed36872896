package io.libactors.internal;

import java.util.concurrent.CompletableFuture;

import io.libactors.AskTimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * The pending reply of one {@code ask}: a future that checks the reply's type and fails with
 * {@link AskTimeoutException} when its deadline passes first (see {@link AskTimeouts}). Completed
 * outside any actor.
 */
final class Ask extends CompletableFuture<Object> {

	private final Class<?> replyType;

	private final String receiver;

	private final String messageType;

	private final long timeoutMillis;

	private volatile AskTimeouts.@Nullable Slot timeout;

	Ask(Class<?> replyType, String receiver, Class<?> messageType, long timeoutMillis) {
		this.replyType = wrap(replyType);
		this.receiver = receiver;
		this.messageType = messageType.getSimpleName();
		this.timeoutMillis = timeoutMillis;
	}

	/** The class asked for, a primitive's wrapper for a primitive. */
	Class<?> replyType() {
		return this.replyType;
	}

	long timeoutMillis() {
		return this.timeoutMillis;
	}

	void timeoutIn(AskTimeouts.Slot timeout) {
		this.timeout = timeout;
	}

	/** The deadline passed. */
	void timeOut() {
		completeExceptionally(new AskTimeoutException("Ask of actor '" + this.receiver + "' with "
				+ this.messageType + " got no reply within " + this.timeoutMillis + " ms."));
	}

	void reply(@Nullable Object value) {
		if (this.replyType == Void.class || value == null) {
			complete(null);
		}
		else if (this.replyType.isInstance(value)) {
			complete(value);
		}
		else {
			completeExceptionally(new ClassCastException("Ask of actor '" + this.receiver + "' with "
					+ this.messageType + " expected a reply of type " + this.replyType.getName() + " but got "
					+ value.getClass().getName() + "."));
		}
	}

	// The ask leaves its slot first: whoever sees it complete sees it gone from there.

	@Override
	public boolean complete(@Nullable Object value) {
		cancelTimeout();
		return super.complete(value);
	}

	@Override
	public boolean completeExceptionally(Throwable ex) {
		cancelTimeout();
		return super.completeExceptionally(ex);
	}

	@Override
	public <U> CompletableFuture<U> newIncompleteFuture() {
		return new CompletableFuture<>();
	}

	private void cancelTimeout() {
		AskTimeouts.Slot timeout = this.timeout;
		if (timeout != null) {
			timeout.leave(this);
			// a future the caller keeps must not keep the slot, and the asks in it, alive
			this.timeout = null;
		}
	}

	private static Class<?> wrap(Class<?> type) {
		if (!type.isPrimitive()) {
			return type;
		}
		if (type == int.class) {
			return Integer.class;
		}
		if (type == long.class) {
			return Long.class;
		}
		if (type == boolean.class) {
			return Boolean.class;
		}
		if (type == double.class) {
			return Double.class;
		}
		if (type == float.class) {
			return Float.class;
		}
		if (type == short.class) {
			return Short.class;
		}
		if (type == byte.class) {
			return Byte.class;
		}
		if (type == char.class) {
			return Character.class;
		}
		return Void.class;
	}

}
