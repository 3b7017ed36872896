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

	/** Whether Reactor is on the classpath: only then is {@link ReactorResults} loaded. */
	static final boolean REACTOR = reactorPresent();

	public final Class<?> messageType;

	/** The message type's simple name: the statistics and metrics key. */
	public final String messageName;

	public final int index;

	/** {@code (Object actor, Object context, Object message) -> Object}. */
	private final MethodHandle invoker;

	public final Method method;

	public final Class<?> contextType;

	/** Whether it returns a stage that holds the actor: a {@code CompletionStage}, or Reactor's {@code Mono} or {@code Flux}. */
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
		Class<?> returned = method.getReturnType();
		this.async = CompletionStage.class.isAssignableFrom(returned)
				|| (REACTOR && ReactorResults.isReactive(returned));
	}

	/**
	 * What an {@link #async} handler's result holds the actor on: its {@code CompletionStage}, or
	 * the stage of its {@code Mono} or {@code Flux}.
	 * @return {@code null} for a {@code null} result
	 */
	public @Nullable CompletionStage<?> stage(@Nullable Object result) {
		if (result == null || result instanceof CompletionStage<?>) {
			return (CompletionStage<?>) result;
		}
		return ReactorResults.stageOf(result);
	}

	public Object invoke(Object actor, Context context, Message message) throws Throwable {
		return (Object) this.invoker.invokeExact(actor, (Object) context, (Object) message);
	}

	private static boolean reactorPresent() {
		try {
			Class.forName("reactor.core.publisher.Mono", false, Handler.class.getClassLoader());
			return true;
		}
		catch (ClassNotFoundException | LinkageError ex) {
			return false;
		}
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
