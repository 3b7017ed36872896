package io.libactors.spring.boot.autoconfigure;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

import io.libactors.ActorMonitor;
import io.libactors.ActorSettings;
import io.libactors.Backoff;
import io.libactors.Context;
import io.libactors.Core;
import io.libactors.EntityStateStore;
import io.libactors.MessageTracer;
import io.libactors.Supervision;
import io.libactors.spring.ActorBeanRegistrar;
import io.libactors.spring.ApplicationEventBridge;
import io.libactors.spring.ActorJsonMapper;
import io.libactors.spring.ActorLifecycle;
import io.libactors.spring.SpringActorTemplates;
import io.libactors.spring.SpringTimerScheduler;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.autoconfigure.task.TaskSchedulingAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.task.ThreadPoolTaskSchedulerBuilder;
import org.springframework.boot.thread.Threading;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.util.function.SingletonSupplier;
import tools.jackson.databind.json.JsonMapper;

/**
 * Actors as beans: a {@link Core} configured from {@code actors.*}, every
 * {@code @ActorComponent} registered, and a lifecycle that starts the actors after refresh and
 * drains them on close.
 */
@AutoConfiguration(after = { TaskExecutionAutoConfiguration.class, TaskSchedulingAutoConfiguration.class },
		afterName = "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration")
@EnableConfigurationProperties(ActorsProperties.class)
public final class ActorsAutoConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(ActorsAutoConfiguration.class);

	/** Bound here, before any bean exists: {@code actors.actor.<name>.supervision} decides which beans to register. */
	@Bean
	static ActorBeanRegistrar actorBeanRegistrar(Environment environment) {
		Map<String, ActorsProperties.PerActor> perActor = Binder.get(environment)
			.bind("actors.actor", Bindable.mapOf(String.class, ActorsProperties.PerActor.class))
			.orElse(Map.of());
		Map<String, ActorSettings> settings = new LinkedHashMap<>();
		Map<String, Supervision> supervision = new LinkedHashMap<>();
		perActor.forEach((name, properties) -> {
			try {
				settings.put(name, new ActorSettings(properties.getMailboxCapacity(), properties.getThroughput(),
						properties.getAskTimeout()));
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidConfigurationPropertyValueException("actors.actor." + name, "mailbox-capacity="
						+ properties.getMailboxCapacity() + ", throughput=" + properties.getThroughput()
						+ ", ask-timeout=" + properties.getAskTimeout(), ex.getMessage());
			}
			if (properties.getSupervision() != null) {
				supervision.put(name, properties.getSupervision());
			}
		});
		return new ActorBeanRegistrar(settings, supervision);
	}

	/** The context every actor shares, unless the application declares its own (a subclass). */
	@Bean
	@ConditionalOnMissingBean
	Context actorsContext() {
		return new Context();
	}

	/**
	 * Timers on the application's {@code TaskScheduler} when there is exactly one, else on a
	 * private scheduler from Boot's builder ({@code spring.task.scheduling.*}).
	 */
	@Bean
	@ConditionalOnMissingBean
	SpringTimerScheduler actorsTimerScheduler(ObjectProvider<TaskScheduler> schedulers,
			ObjectProvider<ThreadPoolTaskSchedulerBuilder> builder) {
		TaskScheduler shared = schedulers.getIfUnique();
		if (shared != null) {
			return SpringTimerScheduler.shared(shared);
		}
		ThreadPoolTaskSchedulerBuilder schedulerBuilder = builder.getIfAvailable(ThreadPoolTaskSchedulerBuilder::new);
		return SpringTimerScheduler.owned(schedulerBuilder.threadNamePrefix("actors-timer-").build());
	}

	/**
	 * The core. It depends on neither the context bean nor any actor bean when it is created: the
	 * context is looked up when the first actor needs it.
	 */
	@Bean(destroyMethod = "")
	@ConditionalOnMissingBean
	Core actorsCore(ActorsProperties properties, Environment environment, ObjectProvider<Context> context,
			ObjectProvider<ActorJsonMapper> jsonMapper, SpringTimerScheduler timers,
			ObjectProvider<ActorsCoreBuilderCustomizer> customizers, ObjectProvider<EntityStateStore> entityStates,
			ConfigurableListableBeanFactory beanFactory, ActorBeanRegistrar registrar) {
		Boolean virtualThreads = properties.getDispatcher().getVirtualThreads();
		boolean virtual = (virtualThreads != null) ? virtualThreads : Threading.VIRTUAL.isActive(environment);
		Core.Builder builder = Core.builder()
			.askTimeout(properties.getAskTimeout())
			.mailboxCapacity(properties.getMailbox().getCapacity())
			.maxActors(properties.getMaxActors())
			.slowHandlerThreshold(properties.getStuckThreshold())
			.throughput(properties.getDispatcher().getThroughput())
			.virtualThreads(virtual)
			.maxRestarts(properties.getSupervision().getMaxRestarts())
			.restartWindow(properties.getSupervision().getWindow())
			.passivateAfter(properties.getEntities().getPassivateAfter())
			.serializationCheck(properties.getSerializationCheck())
			.templates(new SpringActorTemplates(beanFactory, registrar))
			.timerScheduler(timers)
			// @Dispatcher names an Executor bean
			.dispatchers((name) -> (beanFactory.containsBean(name) && beanFactory.isTypeMatch(name, Executor.class))
					? beanFactory.getBean(name, Executor.class) : null)
			.context(context::getObject);
		if (beanFactory.containsBean(TaskExecutionAutoConfiguration.APPLICATION_TASK_EXECUTOR_BEAN_NAME)) {
			// Boot's executor is @Lazy: look it up at the first actlet, not when the core is built,
			// and only once. SingletonSupplier publishes it safely to every dispatcher thread.
			Supplier<Executor> executor = SingletonSupplier.of(() -> beanFactory
				.getBean(TaskExecutionAutoConfiguration.APPLICATION_TASK_EXECUTOR_BEAN_NAME, Executor.class));
			builder.actletExecutor((task) -> executor.get().execute(task));
		}
		for (ActorBeanRegistrar.ActorDefinition definition : registrar.actors()) {
			if (!definition.settings().equals(ActorSettings.CORE_DEFAULTS)) {
				builder.actorSettings(definition.name(), definition.settings());
			}
		}
		Backoff backoff = restartBackoff(properties.getSupervision().getBackoff());
		if (backoff != null) {
			builder.restartBackoff(backoff);
		}
		jsonMapper.ifAvailable((holder) -> builder.jsonMapper(holder.mapper()));
		entityStates.ifUnique(builder::entityStateStore);
		customizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
		return builder.build();
	}

	private static @Nullable Backoff restartBackoff(ActorsProperties.Supervision.Backoff properties) {
		Duration min = properties.getMin();
		if (min == null) {
			return null;
		}
		Duration resetAfter = (properties.getResetAfter() != null) ? properties.getResetAfter() : properties.getMax();
		try {
			return new Backoff(min, properties.getMax(), properties.getRandomFactor(), resetAfter);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidConfigurationPropertyValueException("actors.supervision.backoff", "min=" + min + ", max="
					+ properties.getMax() + ", random-factor=" + properties.getRandomFactor() + ", reset-after="
					+ resetAfter, ex.getMessage());
		}
	}

	/** The application's payload events that are messages reach the actors that handle them. */
	@Bean
	@ConditionalOnBooleanProperty(name = "actors.application-events", matchIfMissing = true)
	ApplicationEventBridge actorsApplicationEvents(Core core) {
		return new ApplicationEventBridge(core);
	}

	/**
	 * Attaches every {@link ActorMonitor} bean and the {@link MessageTracer} bean to the core
	 * (whoever built it) once the singletons exist, so before any singleton actor starts:
	 * instrumentation follows the instrumented, and an actor made earlier is announced too.
	 */
	@Bean
	SmartInitializingSingleton actorsInstrumentation(Core core, ObjectProvider<ActorMonitor> monitors,
			ObjectProvider<MessageTracer> tracer) {
		return () -> {
			monitors.orderedStream().forEach(core::attachMonitor);
			tracer.ifUnique((unique) -> {
				try {
					core.attachTracer(unique);
				}
				catch (IllegalStateException ex) {
					// a core the application built with its own tracer keeps it
					logger.info("{} not attached: {}", unique.getClass().getName(), ex.getMessage());
				}
			});
		};
	}

	@Bean
	@ConditionalOnMissingBean
	ActorLifecycle actorLifecycle(Core core, ConfigurableListableBeanFactory beanFactory,
			ActorBeanRegistrar registrar, ActorsProperties properties, Environment environment) {
		Duration phaseTimeout = Binder.get(environment)
			.bind("spring.lifecycle.timeout-per-shutdown-phase", Duration.class)
			.orElse(Duration.ofSeconds(30));
		Duration shutdown = properties.getShutdown().getTimeout();
		if (shutdown.compareTo(phaseTimeout) >= 0) {
			throw new ShutdownTimeoutTooLongException(shutdown, phaseTimeout);
		}
		return new ActorLifecycle(core, beanFactory, registrar, properties.getStartup().getTimeout(), shutdown);
	}

	/** Where Boot's Jackson support is present: a mapper built with the application's customizers. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer")
	static class JsonConfiguration {

		@Bean
		@ConditionalOnMissingBean
		ActorJsonMapper actorJsonMapper(
				ObjectProvider<org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer> customizers) {
			JsonMapper.Builder builder = JsonMapper.builder();
			customizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
			return new ActorJsonMapper(builder.build());
		}

	}

}
