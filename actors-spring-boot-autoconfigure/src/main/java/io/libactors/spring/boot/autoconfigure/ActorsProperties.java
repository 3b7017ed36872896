package io.libactors.spring.boot.autoconfigure;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.libactors.SerializationCheck;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration of the actors, under {@code actors}.
 */
@ConfigurationProperties("actors")
public class ActorsProperties {

	/**
	 * Default time an ask waits for its reply.
	 */
	private Duration askTimeout = Duration.ofSeconds(5);

	/**
	 * How much JSON checking messages get: REGISTRATION checks handler message types at
	 * startup, EVERY_MESSAGE also round-trips each message (for tests), NONE checks nothing.
	 */
	private SerializationCheck serializationCheck = SerializationCheck.REGISTRATION;

	/**
	 * Time after which a running handler counts as stuck (health turns DOWN while it runs) and a
	 * finished one is logged at WARN as slow.
	 */
	private Duration stuckThreshold = Duration.ofSeconds(30);

	/**
	 * Most actors at once, counting proxies made for actors that do not exist yet; 0 for no
	 * limit. Bounds what actors named from outside input can take.
	 */
	private int maxActors;

	/**
	 * Whether the application's payload events that are messages
	 * (publisher.publishEvent(new PriceChanged(...))) reach the actors that handle their type.
	 */
	private boolean applicationEvents = true;

	private final Startup startup = new Startup();

	private final Shutdown shutdown = new Shutdown();

	private final Mailbox mailbox = new Mailbox();

	private final Dispatcher dispatcher = new Dispatcher();

	private final Supervision supervision = new Supervision();

	private final Health health = new Health();

	private final Observations observations = new Observations();

	private final Entities entities = new Entities();

	private final Web web = new Web();

	private final Dashboard dashboard = new Dashboard();

	/**
	 * Settings per actor, by the name of its @ActorComponent bean (a template's name covers
	 * every actor made from it): each part set here wins over the annotation's, and what
	 * neither sets comes from the actors.* defaults.
	 */
	private final Map<String, PerActor> actor = new LinkedHashMap<>();

	public boolean isApplicationEvents() {
		return this.applicationEvents;
	}

	public void setApplicationEvents(boolean applicationEvents) {
		this.applicationEvents = applicationEvents;
	}

	public Duration getAskTimeout() {
		return this.askTimeout;
	}

	public void setAskTimeout(Duration askTimeout) {
		this.askTimeout = askTimeout;
	}

	public SerializationCheck getSerializationCheck() {
		return this.serializationCheck;
	}

	public void setSerializationCheck(SerializationCheck serializationCheck) {
		this.serializationCheck = serializationCheck;
	}

	public int getMaxActors() {
		return this.maxActors;
	}

	public void setMaxActors(int maxActors) {
		this.maxActors = maxActors;
	}

	public Duration getStuckThreshold() {
		return this.stuckThreshold;
	}

	public void setStuckThreshold(Duration stuckThreshold) {
		this.stuckThreshold = stuckThreshold;
	}

	public Startup getStartup() {
		return this.startup;
	}

	public Shutdown getShutdown() {
		return this.shutdown;
	}

	public Mailbox getMailbox() {
		return this.mailbox;
	}

	public Dispatcher getDispatcher() {
		return this.dispatcher;
	}

	public Supervision getSupervision() {
		return this.supervision;
	}

	public Observations getObservations() {
		return this.observations;
	}

	public Health getHealth() {
		return this.health;
	}

	public Entities getEntities() {
		return this.entities;
	}

	public Web getWeb() {
		return this.web;
	}

	public Dashboard getDashboard() {
		return this.dashboard;
	}

	public Map<String, PerActor> getActor() {
		return this.actor;
	}

	public static class PerActor {

		/**
		 * Most messages this actor's mailbox holds, 0 for unbounded. Unset: actors.mailbox.capacity.
		 */
		private @Nullable Integer mailboxCapacity;

		/**
		 * Most messages this actor handles in one turn. Unset: actors.dispatcher.throughput.
		 */
		private @Nullable Integer throughput;

		/**
		 * Time an ask to this actor waits for its reply when the asker gives none. Unset:
		 * actors.ask-timeout.
		 */
		private @Nullable Duration askTimeout;

		/**
		 * What a handler's exception does to this actor. Unset: the @ActorComponent's.
		 */
		private io.libactors.@Nullable Supervision supervision;

		public @Nullable Integer getMailboxCapacity() {
			return this.mailboxCapacity;
		}

		public void setMailboxCapacity(@Nullable Integer mailboxCapacity) {
			this.mailboxCapacity = mailboxCapacity;
		}

		public @Nullable Integer getThroughput() {
			return this.throughput;
		}

		public void setThroughput(@Nullable Integer throughput) {
			this.throughput = throughput;
		}

		public @Nullable Duration getAskTimeout() {
			return this.askTimeout;
		}

		public void setAskTimeout(@Nullable Duration askTimeout) {
			this.askTimeout = askTimeout;
		}

		public io.libactors.@Nullable Supervision getSupervision() {
			return this.supervision;
		}

		public void setSupervision(io.libactors.@Nullable Supervision supervision) {
			this.supervision = supervision;
		}

	}

	public static class Web {

		/**
		 * Whether actor exceptions that reach a web request unhandled become problem details (503
		 * with Retry-After for a full mailbox or an undeliverable message, 504 for an ask timeout).
		 */
		private boolean problemDetails = true;

		/**
		 * What Retry-After tells clients of a 503, rounded to whole seconds (at least 1).
		 */
		private Duration retryAfter = Duration.ofSeconds(1);

		public boolean isProblemDetails() {
			return this.problemDetails;
		}

		public void setProblemDetails(boolean problemDetails) {
			this.problemDetails = problemDetails;
		}

		public Duration getRetryAfter() {
			return this.retryAfter;
		}

		public void setRetryAfter(Duration retryAfter) {
			this.retryAfter = retryAfter;
		}

	}

	/**
	 * The actorsdashboard endpoint, off until management.endpoint.actorsdashboard.access is
	 * read-only and the endpoint is exposed.
	 */
	public static class Dashboard {

		/**
		 * Time between two samples of the dashboard's history.
		 */
		private Duration sampleInterval = Duration.ofSeconds(2);

		/**
		 * How far back the dashboard's charts reach.
		 */
		private Duration history = Duration.ofMinutes(5);

		public Duration getSampleInterval() {
			return this.sampleInterval;
		}

		public void setSampleInterval(Duration sampleInterval) {
			this.sampleInterval = sampleInterval;
		}

		public Duration getHistory() {
			return this.history;
		}

		public void setHistory(Duration history) {
			this.history = history;
		}

	}

	public static class Entities {

		/**
		 * How long an entity goes without mail before it passivates (checked every half of it); 0
		 * for never.
		 */
		private Duration passivateAfter = Duration.ofMinutes(2);

		public Duration getPassivateAfter() {
			return this.passivateAfter;
		}

		public void setPassivateAfter(Duration passivateAfter) {
			this.passivateAfter = passivateAfter;
		}

	}

	public static class Startup {

		/**
		 * Maximum time to wait for the singleton actors to finish initialize when the context
		 * starts.
		 */
		private Duration timeout = Duration.ofSeconds(60);

		public Duration getTimeout() {
			return this.timeout;
		}

		public void setTimeout(Duration timeout) {
			this.timeout = timeout;
		}

	}

	public static class Shutdown {

		/**
		 * Maximum time to wait for actors to drain and stop when the context closes.
		 */
		private Duration timeout = Duration.ofSeconds(20);

		public Duration getTimeout() {
			return this.timeout;
		}

		public void setTimeout(Duration timeout) {
			this.timeout = timeout;
		}

	}

	public static class Mailbox {

		/**
		 * Maximum messages queued per actor; 0 means unbounded.
		 */
		private int capacity;

		public int getCapacity() {
			return this.capacity;
		}

		public void setCapacity(int capacity) {
			this.capacity = capacity;
		}

	}

	public static class Dispatcher {

		/**
		 * Messages an actor handles per turn before it yields its thread.
		 */
		private int throughput = 100;

		/**
		 * Whether actors run on virtual threads (Java 21+). Defaults to
		 * spring.threads.virtual.enabled.
		 */
		private @Nullable Boolean virtualThreads;

		public int getThroughput() {
			return this.throughput;
		}

		public void setThroughput(int throughput) {
			this.throughput = throughput;
		}

		public @Nullable Boolean getVirtualThreads() {
			return this.virtualThreads;
		}

		public void setVirtualThreads(@Nullable Boolean virtualThreads) {
			this.virtualThreads = virtualThreads;
		}

	}

	public static class Supervision {

		/**
		 * Restarts allowed within the window before a RESTART actor stops.
		 */
		private int maxRestarts = 10;

		/**
		 * Window over which restarts are counted.
		 */
		private Duration window = Duration.ofMinutes(1);

		public int getMaxRestarts() {
			return this.maxRestarts;
		}

		public void setMaxRestarts(int maxRestarts) {
			this.maxRestarts = maxRestarts;
		}

		public Duration getWindow() {
			return this.window;
		}

		public void setWindow(Duration window) {
			this.window = window;
		}

		public Backoff getBackoff() {
			return this.backoff;
		}

		/**
		 * The wait before each RESTART builds its new instance, for actors whose restartBackoff()
		 * says nothing: none unless min is set.
		 */
		private final Backoff backoff = new Backoff();

		public static class Backoff {

			/**
			 * The first wait; unset, restarts happen at once.
			 */
			private @Nullable Duration min;

			/**
			 * The longest wait, before the random stretch.
			 */
			private Duration max = Duration.ofSeconds(30);

			/**
			 * From 0 to 1: how much of each wait may be added at random.
			 */
			private double randomFactor = 0.2;

			/**
			 * After this long without a restart, the next one waits min again; unset, max.
			 */
			private @Nullable Duration resetAfter;

			public @Nullable Duration getMin() {
				return this.min;
			}

			public void setMin(@Nullable Duration min) {
				this.min = min;
			}

			public Duration getMax() {
				return this.max;
			}

			public void setMax(Duration max) {
				this.max = max;
			}

			public double getRandomFactor() {
				return this.randomFactor;
			}

			public void setRandomFactor(double randomFactor) {
				this.randomFactor = randomFactor;
			}

			public @Nullable Duration getResetAfter() {
				return this.resetAfter;
			}

			public void setResetAfter(@Nullable Duration resetAfter) {
				this.resetAfter = resetAfter;
			}

		}

	}

	public static class Health {

		/**
		 * How long health stays DOWN after a singleton actor stopped because of a failure.
		 */
		private Duration failureWindow = Duration.ofMinutes(5);

		public Duration getFailureWindow() {
			return this.failureWindow;
		}

		public void setFailureWindow(Duration failureWindow) {
			this.failureWindow = failureWindow;
		}

	}

	public static class Observations {

		/**
		 * Whether each handled message gets a Micrometer observation continuing the sender's.
		 * Unset: on when Micrometer Tracing is on the classpath.
		 */
		private Boolean enabled;

		public Boolean getEnabled() {
			return this.enabled;
		}

		public void setEnabled(Boolean enabled) {
			this.enabled = enabled;
		}

	}

}
