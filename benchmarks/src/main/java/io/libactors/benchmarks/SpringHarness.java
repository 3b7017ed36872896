package io.libactors.benchmarks;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntConsumer;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import io.libactors.Actor;
import io.libactors.Context;
import io.libactors.Core;
import io.libactors.MessageHandler;
import io.libactors.benchmarks.LibactorsHarness.Num;
import io.libactors.benchmarks.LibactorsHarness.Question;
import io.libactors.spring.ActorComponent;
import io.libactors.spring.boot.autoconfigure.metrics.ActorMeters;
import io.libactors.spring.boot.autoconfigure.ActorsAutoConfiguration;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Scope;

/**
 * libactors through the Spring Boot starter: actors are prototype beans made with
 * {@code core.createActor(Type.class, name)}, handlers found by annotation; with metrics, a
 * Micrometer registry makes the starter add its meters.
 */
final class SpringHarness extends Harness {

	/** Behaviours of the actors being made, by name: a bean cannot take one in its constructor. */
	static final Map<String, IntConsumer> behaviours = new ConcurrentHashMap<>();

	@ActorComponent("sink")
	@Scope("prototype")
	static class SpringSink implements Actor {

		private IntConsumer behaviour;

		@Override
		public void initialize(Context context) {
			this.behaviour = behaviours.remove(context.name());
		}

		@MessageHandler
		void onNum(Num num) {
			this.behaviour.accept(num.n());
		}

	}

	@ActorComponent("answerer")
	@Scope("prototype")
	static class SpringAnswerer implements Actor {

		@MessageHandler
		int onQuestion(Question question) {
			return question.n() + 1;
		}

	}

	@Configuration(proxyBeanMethods = false)
	@Import({ ActorsAutoConfiguration.class, SpringSink.class, SpringAnswerer.class })
	static class App {

	}

	/** What the starter's metrics auto-configuration adds where a registry exists. */
	@Configuration(proxyBeanMethods = false)
	static class Metrics {

		@Bean
		ActorMeters actorMeters() {
			return new ActorMeters(new SimpleMeterRegistry());
		}

	}

	private final ConfigurableApplicationContext context;

	private final Core core;

	SpringHarness(boolean metrics) {
		SpringApplicationBuilder builder = new SpringApplicationBuilder(App.class).web(WebApplicationType.NONE)
			.logStartupInfo(false);
		if (metrics) {
			builder.sources(Metrics.class);
		}
		this.context = builder.run();
		this.core = this.context.getBean(Core.class);
	}

	@Override
	Ref spawn(String name, IntConsumer behaviour) {
		behaviours.put(name, behaviour);
		return LibactorsHarness.ref(this.core.createActor(SpringSink.class, name));
	}

	@Override
	void stop(List<Ref> actors) throws Exception {
		LibactorsHarness.stopAll(actors);
	}

	@Override
	Asker asker(String name) {
		var answerer = this.core.createActor(SpringAnswerer.class, name);
		return (n) -> answerer.ask(new Question(n), Integer.class).get();
	}

	@Override
	public void close() {
		this.context.close();
	}

}
