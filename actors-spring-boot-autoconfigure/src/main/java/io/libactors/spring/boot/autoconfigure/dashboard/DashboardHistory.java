package io.libactors.spring.boot.autoconfigure.dashboard;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Future;

import io.libactors.ActorInfo;
import io.libactors.Core;
import io.libactors.TimerScheduler;
import org.jspecify.annotations.Nullable;

/**
 * The last minutes of the actors, for the dashboard: a sample at a fixed rate of the messages
 * handled and failed, the dead letters, the mail queued and the handlers' time, kept as long as
 * the span asks. Each sample walks the live actors once (counts, never contents); an actor that
 * stopped between two samples takes its counts with it, so a rate never goes below zero.
 * Thread-safe: sampled on the timer's thread, read by requests.
 */
public final class DashboardHistory implements AutoCloseable {

	/** Totals at one moment. */
	private record Sample(long time, long handled, long failed, long deadLetters, long queued, long handlerCalls,
			double handlerMillis) {
	}

	/**
	 * What happened between two samples.
	 * @param time when the later sample was taken, epoch milliseconds
	 * @param handledPerSecond messages handled per second
	 * @param failedPerSecond handler failures per second
	 * @param deadLettersPerSecond dead letters per second
	 * @param queued messages waiting in all mailboxes at the later sample
	 * @param handlerMillis the mean handler time, {@code null} when no handler ran
	 */
	public record Point(long time, double handledPerSecond, double failedPerSecond, double deadLettersPerSecond,
			long queued, @Nullable Double handlerMillis) {
	}

	private final Core core;

	private final int capacity;

	private final ArrayDeque<Sample> samples = new ArrayDeque<>();

	private final Future<?> sampling;

	/**
	 * Starts sampling at once.
	 * @param interval time between samples
	 * @param span how far back the history reaches
	 */
	public DashboardHistory(Core core, TimerScheduler timer, Duration interval, Duration span) {
		this.core = core;
		this.capacity = (int) Math.max(2, span.toMillis() / Math.max(1, interval.toMillis()) + 1);
		this.sampling = timer.scheduleAtFixedRate(this::sample, Duration.ZERO, interval);
	}

	void sample() {
		long handled = 0;
		long failed = 0;
		long queued = 0;
		long calls = 0;
		double millis = 0;
		for (ActorInfo actor : this.core.actors()) {
			handled += actor.processed();
			failed += actor.failed();
			queued += actor.mailboxDepth();
			for (ActorInfo.HandlerStats stats : actor.handlers().values()) {
				calls += stats.count();
				millis += stats.count() * stats.mean();
			}
		}
		Sample sample = new Sample(System.currentTimeMillis(), handled, failed, this.core.deadLetterCount(), queued,
				calls, millis);
		synchronized (this.samples) {
			if (this.samples.size() == this.capacity) {
				this.samples.removeFirst();
			}
			this.samples.addLast(sample);
		}
	}

	/** The history, oldest first: one point fewer than there are samples. */
	public List<Point> points() {
		List<Sample> taken;
		synchronized (this.samples) {
			taken = new ArrayList<>(this.samples);
		}
		List<Point> points = new ArrayList<>(Math.max(0, taken.size() - 1));
		Iterator<Sample> each = taken.iterator();
		Sample before = each.hasNext() ? each.next() : null;
		while (each.hasNext()) {
			Sample after = each.next();
			double seconds = Math.max(1, after.time() - before.time()) / 1000.0;
			long calls = after.handlerCalls() - before.handlerCalls();
			Double handlerMillis = (calls > 0)
					? Math.max(0, after.handlerMillis() - before.handlerMillis()) / calls : null;
			points.add(new Point(after.time(), rate(before.handled(), after.handled(), seconds),
					rate(before.failed(), after.failed(), seconds),
					rate(before.deadLetters(), after.deadLetters(), seconds), after.queued(), handlerMillis));
			before = after;
		}
		return points;
	}

	private static double rate(long before, long after, double seconds) {
		return Math.max(0, after - before) / seconds;
	}

	@Override
	public void close() {
		this.sampling.cancel(false);
	}

}
