package io.libactors;

import java.time.Duration;

/**
 * The timers of one actor, keyed by name. Each tick is delivered to the actor as a message
 * with no sender, in its own turn. Starting a key that is active replaces the old timer, and
 * ticks of the old one still queued are dropped. All of an actor's timers end when it stops.
 * Only from the owning actor's {@code initialize} or handlers.
 */
public interface Timers {

	/**
	 * Sends {@code message} every {@code interval}, the first time after one interval.
	 * @throws IllegalArgumentException for a non-positive interval
	 */
	void startPeriodic(String key, Duration interval, Message message);

	/**
	 * Sends {@code message} once after {@code delay}.
	 * @throws IllegalArgumentException for a negative delay
	 */
	void startSingle(String key, Duration delay, Message message);

	/**
	 * Sends {@code message} as {@code schedule} says; with {@link Schedule#times(int) times(n)},
	 * {@link TimerDone} follows the last tick if the actor handles it.
	 */
	void schedule(String key, Message message, Schedule schedule);

	/** Cancels the timer; ticks already queued are dropped. Unknown keys are ignored. */
	void cancel(String key);

	/** Whether a timer with this key is running (a single timer until its tick is handled). */
	boolean isActive(String key);

	/**
	 * Sends {@code message} once the actor has taken no mail for {@code quiet}, then again after
	 * each further quiet period; every message the actor takes, this one included, starts the
	 * period anew. Replaces the idle timeout set before. An entity whose idle timeout is shorter
	 * than its passivation time is never idle long enough to passivate.
	 * @throws IllegalArgumentException for a non-positive quiet period
	 * @throws ActorException when the actor has no handler for {@code message}'s type
	 */
	void startIdle(Duration quiet, Message message);

	/** Cancels the idle timeout, if one is set. */
	void cancelIdle();

}
