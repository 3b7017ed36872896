package io.libactors.spring.boot.autoconfigure;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.libactors.Actor;
import io.libactors.ActorMonitor;
import io.libactors.ActorProxy;
import io.libactors.Core;
import io.libactors.Message;
import io.libactors.MessageHandler;
import io.libactors.MessageTracer;
import io.libactors.spring.ActorComponent;
import io.libactors.spring.boot.autoconfigure.health.ActorsHealthAutoConfiguration;
import io.libactors.spring.boot.autoconfigure.health.ActorsHealthIndicator;
import io.libactors.spring.boot.autoconfigure.metrics.ActorsMetricsAutoConfiguration;
import io.libactors.spring.boot.autoconfigure.observation.ActorObservations;
import io.libactors.spring.boot.autoconfigure.observation.ActorsObservationAutoConfiguration;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import jakarta.annotation.PostConstruct;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Health, metrics and observation configure after the core and attach to it, whoever built it,
 * before any singleton actor starts: every monitor hears of every actor once.
 */
class InstrumentationAttachmentTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ActorsAutoConfiguration.class, ActorsMetricsAutoConfiguration.class,
				ActorsHealthAutoConfiguration.class));

	record Ping() implements Message {
	}

	@ActorComponent("pinger")
	static class Pinger implements Actor {

		@MessageHandler
		String onPing(Ping ping) {
			return "pong";
		}

	}

	/** Hears of each actor in order. */
	static class RecordingMonitor implements ActorMonitor {

		final List<String> events = Collections.synchronizedList(new ArrayList<>());

		@Override
		public void started(ActorProxy<?> actor, @Nullable String template) {
			this.events.add("started " + actor.name());
		}

		@Override
		public void stopped(ActorProxy<?> actor, @Nullable String template, boolean failed) {
			this.events.add("stopped " + actor.name());
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class Registry {

		@Bean
		MeterRegistry meterRegistry() {
			return new SimpleMeterRegistry();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserCore {

		@Bean
		Core userCore() {
			return Core.builder().build();
		}

	}

	@Test
	void aCoreTheApplicationDefinesIsMeasuredAndHealthChecked() {
		this.contextRunner.withUserConfiguration(UserCore.class, Registry.class, Pinger.class).run((context) -> {
			assertThat(context).hasNotFailed().hasSingleBean(ActorsHealthIndicator.class);
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.find("actors.mailbox.depth").tag("actor", "pinger").gauge()).isNotNull();
			assertThat(context.getBean(ActorsHealthIndicator.class).health().getStatus()).isEqualTo(Status.UP);
		});
	}

	@Configuration(proxyBeanMethods = false)
	static class Monitored {

		@Bean
		RecordingMonitor recordingMonitor() {
			return new RecordingMonitor();
		}

	}

	/** A service that makes an actor while the context is still being refreshed. */
	static class EarlyService {

		private final Core core;

		EarlyService(Core core) {
			this.core = core;
		}

		@PostConstruct
		void makeAnActor() {
			this.core.createActor("early", new Pinger());
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class Early {

		@Bean
		EarlyService earlyService(Core core) {
			return new EarlyService(core);
		}

	}

	@Test
	void anActorMadeBeforeTheMonitorsAttachIsAnnouncedToThemOnce() {
		this.contextRunner.withUserConfiguration(Monitored.class, Early.class, Pinger.class).run((context) -> {
			assertThat(context).hasNotFailed();
			RecordingMonitor monitor = context.getBean(RecordingMonitor.class);
			await().until(() -> monitor.events.contains("started early"));
			context.getBean(Core.class).find("early").orElseThrow().stop().get();
			assertThat(monitor.events).containsOnlyOnce("started early", "started pinger", "stopped early");
			assertThat(monitor.events).containsSubsequence("started early", "stopped early");
		});
	}

	@Configuration(proxyBeanMethods = false)
	static class CoreBuiltWithTheMonitor {

		final RecordingMonitor monitor = new RecordingMonitor();

		@Bean
		RecordingMonitor recordingMonitor() {
			return this.monitor;
		}

		@Bean
		Core userCore() {
			return Core.builder().monitor(this.monitor).build();
		}

	}

	@Test
	void aMonitorTheCoreWasBuiltWithIsNotAttachedTwice() {
		this.contextRunner.withUserConfiguration(CoreBuiltWithTheMonitor.class, Pinger.class).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(RecordingMonitor.class).events).containsExactly("started pinger");
		});
	}


	/** Traces nothing: the application's own tracer, given to the core it builds. */
	static final class OwnTracer implements MessageTracer {

		@Override
		public @Nullable Object capture() {
			return null;
		}

		@Override
		public Handling start(@Nullable Object parent, ActorProxy<?> actor, @Nullable String template,
				Class<?> messageType) {
			return new Handling() {

				@Override
				public void detach() {
				}

				@Override
				public void end(@Nullable Throwable error) {
				}

			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class CoreWithItsOwnTracer {

		@Bean
		ObservationRegistry observationRegistry() {
			return ObservationRegistry.create();
		}

		@Bean
		Core userCore() {
			return Core.builder().tracer(new OwnTracer()).build();
		}

	}

	@Test
	void aCoreBuiltWithItsOwnTracerKeepsItAndStillStarts() {
		this.contextRunner.withConfiguration(AutoConfigurations.of(ActorsObservationAutoConfiguration.class))
			.withPropertyValues("actors.observations.enabled=true")
			.withUserConfiguration(CoreWithItsOwnTracer.class, Pinger.class)
			.run((context) -> {
				assertThat(context).hasNotFailed().hasSingleBean(ActorObservations.class);
				ActorProxy<?> pinger = context.getBean(Core.class).find("pinger").orElseThrow();
				assertThat(pinger.ask(new Ping(), String.class).get(30, TimeUnit.SECONDS)).isEqualTo("pong");
			});
	}

}
