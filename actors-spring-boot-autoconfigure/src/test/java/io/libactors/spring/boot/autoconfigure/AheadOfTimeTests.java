package io.libactors.spring.boot.autoconfigure;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.stream.Collectors;

import io.libactors.Actor;
import io.libactors.ActorInfo;
import io.libactors.Message;
import io.libactors.MessageHandler;
import io.libactors.StatefulActor;
import io.libactors.Supervision;
import io.libactors.spring.ActorComponent;
import io.libactors.spring.ActorPool;
import org.junit.jupiter.api.Test;

import org.springframework.aot.generate.ClassNameGenerator;
import org.springframework.aot.generate.DefaultGenerationContext;
import org.springframework.aot.generate.GeneratedFiles;
import org.springframework.aot.generate.InMemoryGeneratedFiles;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.aot.ApplicationContextAotGenerator;
import org.springframework.javapoet.ClassName;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ahead-of-time processing (for AOT start-up and native images) of an application with every kind
 * of actor bean: a singleton, a RESTART singleton, a template and a pool. Their definitions must
 * be writable as code, which an instance supplier is not.
 */
class AheadOfTimeTests {

	record Ping() implements Message {
	}

	record Balance(long cents) {
	}

	record Pong(String from) {
	}

	@ActorComponent("singleton")
	static class Singleton implements StatefulActor<Balance> {

		@MessageHandler
		CompletionStage<Pong> on(Ping ping) {
			return CompletableFuture.completedFuture(new Pong("singleton"));
		}

		@Override
		public Balance state() {
			return new Balance(0);
		}

	}

	@ActorComponent(value = "phoenix", supervision = Supervision.RESTART)
	static class Phoenix implements Actor {

		@MessageHandler
		void on(Ping ping) {
		}

	}

	@ActorComponent("workers")
	@ActorPool(size = 2)
	static class Worker implements Actor {

		@MessageHandler
		void on(Ping ping) {
		}

	}

	@Test
	void anApplicationWithActorBeansIsProcessedAheadOfTime() {
		InMemoryGeneratedFiles files = new InMemoryGeneratedFiles();
		DefaultGenerationContext generation = new DefaultGenerationContext(
				new ClassNameGenerator(ClassName.get("com.example", "App")), files);
		try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
			context.register(ActorsAutoConfiguration.class, Singleton.class, Phoenix.class, Worker.class);
			new ApplicationContextAotGenerator().processAheadOfTime(context, generation);
		}
		generation.writeGeneratedContent();
		String generated = files.getGeneratedFiles(GeneratedFiles.Kind.SOURCE)
			.values()
			.stream()
			.map(Object::toString)
			.collect(Collectors.joining("\n"));
		// each bean the starter adds is made by a factory method, written as a call
		assertThat(generated).contains("\"singleton.proxy\"", "\"phoenix.restart\"", "\"workers.pool\"",
				"ActorBeans.proxy(", "ActorBeans.pool(");
		// what a native image must keep: the handlers, and for JSON the message, reply and state types
		RuntimeHints hints = generation.getRuntimeHints();
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(Singleton.class, "on")).accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(Worker.class, "on")).accepts(hints);
		for (Class<?> bound : List.of(Ping.class, Pong.class, Balance.class, ActorInfo.class)) {
			assertThat(RuntimeHintsPredicates.reflection().onType(bound)).as(bound.getName()).accepts(hints);
		}
	}

}
