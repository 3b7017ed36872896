package io.libactors.spring;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Supplier;

import io.libactors.Actor;
import io.libactors.ActorException;
import io.libactors.ActorProxy;
import io.libactors.Core;
import io.libactors.Supervision;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.ApplicationListener;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.ContextClosedEvent;

/**
 * Starts the singleton actor beans after the context is refreshed and drains them on close.
 * <p>
 * Spring stops higher phases first. The web server's graceful drain runs at
 * {@code Integer.MAX_VALUE - 1024} and its stop at {@code MAX_VALUE - 2048}; executors and
 * schedulers stop at {@code MAX_VALUE / 2}. Actors stop at {@link #PHASE}, strictly between:
 * requests still in flight can ask actors, and the actors' threads are still there while they
 * drain. Timers are cancelled earlier, at {@link ContextClosedEvent}, when Spring's own
 * {@code TaskScheduler} shuts down.
 */
public final class ActorLifecycle implements SmartLifecycle, ApplicationListener<ContextClosedEvent>, DisposableBean {

	/** Below the web server's stop ({@code MAX_VALUE - 2048}), above the executors ({@code MAX_VALUE / 2}). */
	public static final int PHASE = Integer.MAX_VALUE - 3072;

	private final Core core;

	private final ConfigurableListableBeanFactory beanFactory;

	private final ActorBeanRegistrar registrar;

	private final Duration startupTimeout;

	private final Duration shutdownTimeout;

	private volatile boolean running;

	public ActorLifecycle(Core core, ConfigurableListableBeanFactory beanFactory, ActorBeanRegistrar registrar,
			Duration startupTimeout, Duration shutdownTimeout) {
		this.core = core;
		this.beanFactory = beanFactory;
		this.registrar = registrar;
		this.startupTimeout = startupTimeout;
		this.shutdownTimeout = shutdownTimeout;
	}

	@Override
	public void start() {
		// Register every singleton before any initialize runs, then wait for all of them.
		Map<String, CompletableFuture<Void>> started = new LinkedHashMap<>();
		this.core.startTogether(() -> {
			for (ActorBeanRegistrar.ActorDefinition definition : this.registrar.actors()) {
				if (!definition.prototype()) {
					started.put(definition.name(), this.core.whenStarted(register(definition)));
				}
			}
		});
		long deadline = System.nanoTime() + this.startupTimeout.toNanos();
		for (Map.Entry<String, CompletableFuture<Void>> entry : started.entrySet()) {
			try {
				entry.getValue().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
			}
			catch (ExecutionException ex) {
				throw new ActorException("Actor '" + entry.getKey() + "' failed to initialize: " + ex.getCause(),
						ex.getCause());
			}
			catch (TimeoutException ex) {
				throw new ActorException("Actor '" + entry.getKey() + "' did not finish initialize within "
						+ this.startupTimeout + ".");
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new ActorException("Interrupted while actors started.", ex);
			}
		}
		this.running = true;
	}

	private ActorProxy<?> register(ActorBeanRegistrar.ActorDefinition definition) {
		Actor actor = (Actor) this.beanFactory.getBean(definition.name());
		if (definition.supervision() == Supervision.RESTART) {
			BeanIncarnations incarnations = new BeanIncarnations(this.beanFactory, definition.name(), actor);
			return this.core.createActor(definition.name(), incarnations, Supervision.RESTART, incarnations);
		}
		return this.core.createActor(definition.name(), actor, definition.supervision());
	}

	/**
	 * The instances of a singleton actor supervised with {@code RESTART}: the singleton bean
	 * first, then a bean of the prototype copy of its definition per restart. Each copy done with
	 * goes through the definition's destroy callbacks as prototypes do; the singleton stays the
	 * bean factory's, destroyed when the context closes (taken out earlier, a later
	 * {@code getBean} of its name would make a new one). Called in the actor's turns, one at a
	 * time.
	 */
	private static final class BeanIncarnations implements Supplier<Actor>, Consumer<Actor> {

		private final ConfigurableListableBeanFactory beanFactory;

		private final String name;

		private final Actor singleton;

		private boolean singletonGiven;

		BeanIncarnations(ConfigurableListableBeanFactory beanFactory, String name, Actor singleton) {
			this.beanFactory = beanFactory;
			this.name = name;
			this.singleton = singleton;
		}

		@Override
		public Actor get() {
			if (!this.singletonGiven) {
				this.singletonGiven = true;
				return this.singleton;
			}
			return (Actor) this.beanFactory.getBean(ActorBeanRegistrar.ActorDefinition.restartBeanName(this.name));
		}

		@Override
		public void accept(Actor done) {
			if (done != this.singleton) {
				this.beanFactory.destroyBean(ActorBeanRegistrar.ActorDefinition.restartBeanName(this.name), done);
			}
		}

	}

	@Override
	public void onApplicationEvent(ContextClosedEvent event) {
		if (event.getApplicationContext().getAutowireCapableBeanFactory() == this.beanFactory) {
			this.core.closeTimers();
		}
	}

	@Override
	public void stop() {
		this.core.shutdown(this.shutdownTimeout);
		this.running = false;
	}

	/**
	 * A refresh that failed stops no lifecycle bean, but destroys the singletons: the core is
	 * shut down here then (after a normal close, this finds it shut down already).
	 */
	@Override
	public void destroy() {
		this.core.shutdown(this.shutdownTimeout);
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

}
