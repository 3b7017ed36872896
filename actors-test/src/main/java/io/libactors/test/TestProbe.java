package io.libactors.test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.libactors.ActorProxy;
import io.libactors.Context;
import io.libactors.Core;
import io.libactors.Message;
import io.libactors.MessageSink;
import org.jspecify.annotations.Nullable;

/**
 * An actor a test holds: it records every message it receives, sends as itself, and asserts on
 * what it got. Give its {@link #proxy()} to the actors under test, or {@link #tell} them
 * something so that they reply to their sender. The waits are real time (messages are handled
 * on the actors' threads), bounded, and a failed expectation says what arrived instead.
 * <p>
 * Threading: thread-safe; one test thread asserting at a time.
 */
public final class TestProbe {

	/** How long {@link #expectMessage(Class)} waits: generous, since a busy machine is slow. */
	static final Duration DEFAULT_WAIT = Duration.ofSeconds(10);

	private final BlockingQueue<Message> received = new LinkedBlockingQueue<>();

	/** Messages to send as the probe, by the id of the order that carries them into its turn. */
	private final Map<Long, Outgoing> outgoing = new ConcurrentHashMap<>();

	private final AtomicLong orders = new AtomicLong();


	private final ActorProxy<?> proxy;

	/** Names the probes made by {@link #create(Core)}, unique in the JVM. */
	private static final AtomicLong created = new AtomicLong();

	TestProbe(Core core, String name) {
		this.proxy = core.createActor(name, new Recorder());
	}

	/**
	 * A probe on any core (an {@code @ActorTest}'s, say), an actor named {@code test-probe-<n>};
	 * it stops with the core.
	 */
	public static TestProbe create(Core core) {
		Objects.requireNonNull(core, "core must not be null");
		return new TestProbe(core, "test-probe-" + created.incrementAndGet());
	}

	/** The probe as an actor: what is told or asked to it is recorded (an ask's reply is null). */
	public ActorProxy<?> proxy() {
		return this.proxy;
	}

	/** Sends {@code message} to {@code target} from inside the probe, which is its sender. */
	public void tell(ActorProxy<?> target, Message message) {
		Objects.requireNonNull(target, "target must not be null");
		Objects.requireNonNull(message, "message must not be null");
		long id = this.orders.incrementAndGet();
		this.outgoing.put(id, new Outgoing(target, message));
		this.proxy.tell(new SendOrder(id));
	}

	/** The next message, which must be a {@code T}, waiting up to 10 seconds for it. */
	public <T extends Message> T expectMessage(Class<T> type) {
		return expectMessage(type, DEFAULT_WAIT);
	}

	/**
	 * The next message, which must be a {@code T}, waiting up to {@code max} for it.
	 * @throws AssertionError when none comes in time, or another comes first (named), or a
	 * {@link #tell} failed in the probe's turn (with its cause)
	 */
	public <T extends Message> T expectMessage(Class<T> type, Duration max) {
		Objects.requireNonNull(type, "type must not be null");
		Message next = poll(max);
		if (next == null) {
			throw new AssertionError("Probe " + this.proxy.name() + " expected a " + type.getSimpleName() + " within "
					+ max + " and got nothing.");
		}
		if (!type.isInstance(next)) {
			throw new AssertionError("Probe " + this.proxy.name() + " expected a " + type.getSimpleName() + " and got "
					+ next + ".");
		}
		return type.cast(next);
	}

	/**
	 * Waits {@code period} and fails if any message comes meanwhile.
	 * @throws AssertionError naming the message that came
	 */
	public void expectNoMessage(Duration period) {
		Message next = poll(period);
		if (next != null) {
			throw new AssertionError("Probe " + this.proxy.name() + " expected no message for " + period + " and got "
					+ next + ".");
		}
	}

	/** What came and no expectation has taken yet, oldest first; takes nothing. */
	public List<Message> receivedMessages() {
		List<Message> messages = new ArrayList<>(this.received);
		messages.removeIf(SendFailed.class::isInstance);
		return messages;
	}

	private @Nullable Message poll(Duration max) {
		Objects.requireNonNull(max, "max must not be null");
		Message next;
		try {
			next = this.received.poll(max.toNanos(), TimeUnit.NANOSECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError("Interrupted while probe " + this.proxy.name() + " waited.", ex);
		}
		if (next instanceof SendFailed failed) {
			throw new AssertionError("Probe " + this.proxy.name() + " could not send: " + failed.error(), failed.error());
		}
		return next;
	}

	/** Carries a send into the probe's turn; the message itself waits in {@link #outgoing}. */
	record SendOrder(long id) implements Message {
	}

	private record Outgoing(ActorProxy<?> target, Message message) {
	}

	/** In the queue of what came: a send that failed in the probe's turn, for the next expectation. */
	private record SendFailed(RuntimeException error) implements Message {
	}

	/** The probe's actor: sends what it is ordered to, records the rest. */
	private final class Recorder implements MessageSink {

		@Override
		public @Nullable Object receive(Context context, Message message) {
			if (message instanceof SendOrder order) {
				Outgoing send = TestProbe.this.outgoing.remove(order.id());
				if (send != null) {
					try {
						send.target().tell(send.message());
					}
					catch (RuntimeException ex) {
						// not the probe's failure: the test hears of it at its next expectation
						TestProbe.this.received.add(new SendFailed(ex));
					}
				}
			}
			else {
				TestProbe.this.received.add(message);
			}
			return null;
		}

	}

}
