package io.libactors;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;

import io.libactors.internal.ActorCell;
import io.libactors.internal.CurrentActor;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * What a handler knows and can do: its identity, the current envelope, logging with bound
 * fields, child actors, actlets and timers. One context serves every actor of a {@link Core};
 * extend it to give handlers services (in Spring, declare the subclass as a bean).
 * <p>
 * Every method except {@link #core()}, {@link #proxy(String)} and {@link #publish(Message)}
 * refers to the actor whose {@code initialize} or handler runs on the calling thread, for the
 * length of that call; on any other thread (an actlet, a timer, a {@code CompletionStage}
 * continuation, a reply callback) it throws {@link IllegalStateException}. Keep
 * {@code ctx.self()}, not the context.
 */
public class Context {

	private volatile @Nullable Core core;

	public Context() {
	}

	final void attach(Core core) {
		synchronized (this) {
			if (this.core != null && this.core != core) {
				throw new ActorException(getClass().getName() + " already serves another Core; give each Core its own "
						+ "Context.");
			}
			this.core = core;
		}
	}

	/**
	 * The running actor's proxy. For an entity placed across instances, a proxy that reaches it
	 * wherever it lives when a message is sent.
	 */
	public ActorProxy<?> self() {
		return current().addressed();
	}

	/** The running actor's name. */
	public String name() {
		return current().name();
	}

	/**
	 * The envelope of the message being handled.
	 * @throws IllegalStateException in {@code initialize}, where there is none
	 */
	public Envelope envelope() {
		return current().envelope();
	}

	/** The sending actor, empty for a message from outside any actor, a timer or an actlet. */
	public Optional<ActorProxy<?>> sender() {
		return current().sender();
	}

	/** The core this context serves. Any thread. */
	public Core core() {
		Core core = this.core;
		if (core == null) {
			throw new IllegalStateException("This Context serves no Core yet.");
		}
		return core;
	}

	/** Creates a child of the running actor; stopping it stops the child first. */
	public <A extends Actor> ActorProxy<A> createActor(String name, A actor) {
		return current().createChild(name, actor);
	}

	/** Creates a child of the running actor from the template of {@code type}. */
	public <A extends Actor> ActorProxy<A> createActor(Class<A> type, String name) {
		return current().createChild(type, name);
	}

	/** The running actor's children that have not stopped, sorted by name. */
	public List<ActorProxy<?>> children() {
		return current().children();
	}

	/** The running actor's child called {@code name}, if it has not stopped. */
	public Optional<ActorProxy<?>> child(String name) {
		Objects.requireNonNull(name, "name must not be null");
		for (ActorProxy<?> child : current().children()) {
			if (child.name().equals(name)) {
				return Optional.of(child);
			}
		}
		return Optional.empty();
	}

	/**
	 * Watches {@code target}: the running actor is told {@link Terminated} once it has stopped,
	 * however it stopped, exactly once, and at once if it has stopped already. The running actor
	 * handles {@code Terminated}.
	 * @throws ActorException when no actor is behind {@code target} yet, or it is the running one
	 */
	public void watch(ActorProxy<?> target) {
		current().watch(target);
	}

	/** Stops watching {@code target}: no {@link Terminated} from it is sent any more. */
	public void unwatch(ActorProxy<?> target) {
		current().unwatch(target);
	}

	/** A proxy for {@code name}, lazy if no such actor exists yet. Any thread. */
	public ActorProxy<?> proxy(String name) {
		return core().proxy(name);
	}

	/** Sends {@code message} to every actor that handles its type. Any thread. */
	public void publish(Message message) {
		core().publish(message);
	}

	public void debug(String format, Object... arguments) {
		logger().debug(format, arguments);
	}

	public void info(String format, Object... arguments) {
		logger().info(format, arguments);
	}

	public void warn(String format, Object... arguments) {
		logger().warn(format, arguments);
	}

	public void error(String format, Object... arguments) {
		logger().error(format, arguments);
	}

	/**
	 * Adds a field to every log line of this handler until the binding is closed or the handler
	 * returns.
	 */
	public Binding bind(String key, Object value) {
		Objects.requireNonNull(key, "key must not be null");
		ActorCell cell = current();
		cell.bind(key, MDC.get(key));
		MDC.put(key, String.valueOf(value));
		return () -> {
			if (CurrentActor.get() == cell) {
				cell.unbind(key);
			}
		};
	}

	/**
	 * Runs {@code task} off the actor; the message it returns is delivered to the actor. If it
	 * throws, the actor receives {@link ActletFailed} when it handles that type. Cancelled when the
	 * actor stops.
	 * @return the actlet's id
	 */
	public String actlet(Callable<? extends Message> task) {
		Objects.requireNonNull(task, "task must not be null");
		return current().startActlet(task);
	}

	/** The running actor's timers. */
	public Timers timers() {
		return current().timers();
	}

	private Logger logger() {
		return LoggerFactory.getLogger(current().actorClass());
	}

	private ActorCell current() {
		ActorCell cell = CurrentActor.get();
		if (cell == null || !cell.runsOn(this.core)) {
			throw new IllegalStateException("Context methods work only on the thread of an actor's initialize or "
					+ "handler, while it runs. Keep ctx.self() for use elsewhere.");
		}
		return cell;
	}

	/** A bound log field; closing it removes the field. */
	@FunctionalInterface
	public interface Binding extends AutoCloseable {

		@Override
		void close();

	}

}
