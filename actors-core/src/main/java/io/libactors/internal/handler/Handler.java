package io.libactors.internal.handler;

import java.lang.invoke.MethodHandle;
import java.lang.reflect.Method;
import java.util.concurrent.CompletionStage;

import io.libactors.Context;
import io.libactors.Message;
import org.jspecify.annotations.Nullable;

/**
 * One {@link io.libactors.MessageHandler} method, ready to invoke. Immutable and shared by every actor of a
 * class.
 */
public final class Handler {

	public final Class<?> messageType;

	/** The message type's simple name: the statistics and metrics key. */
	public final String messageName;

	public final int index;

	/** {@code (Object actor, Object context, Object message) -> Object}. */
	private final MethodHandle invoker;

	public final Method method;

	public final Class<?> contextType;

	public final boolean async;

	/** The table this handler belongs to; set once by the table. */
	@Nullable HandlerTable table;

	Handler(Class<?> messageType, int index, MethodHandle invoker, Method method, Class<?> contextType) {
		this.messageType = messageType;
		this.messageName = messageType.getSimpleName();
		this.index = index;
		this.invoker = invoker;
		this.method = method;
		this.contextType = contextType;
		this.async = CompletionStage.class.isAssignableFrom(method.getReturnType());
	}

	public Object invoke(Object actor, Context context, Message message) throws Throwable {
		return (Object) this.invoker.invokeExact(actor, (Object) context, (Object) message);
	}

	/** The table this handler is part of. */
	public @Nullable HandlerTable table() {
		return this.table;
	}

	/** {@code Class.method}, as errors name it. */
	public String describe() {
		return this.method.getDeclaringClass().getSimpleName() + "." + this.method.getName();
	}

}
