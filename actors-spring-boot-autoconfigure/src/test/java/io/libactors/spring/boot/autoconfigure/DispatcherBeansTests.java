package io.libactors.spring.boot.autoconfigure;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import io.libactors.Actor;
import io.libactors.ActorProxy;
import io.libactors.Dispatcher;
import io.libactors.HandlerRegistrationException;
import io.libactors.Message;
import io.libactors.MessageHandler;
import io.libactors.spring.ActorComponent;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.ResolvableType;

import static org.assertj.core.api.Assertions.assertThat;

/** An actor bean's {@code @Dispatcher} names an {@code Executor} bean, which runs its turns. */
class DispatcherBeansTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ActorsAutoConfiguration.class));

	record Where() implements Message {
	}

	@ActorComponent("reports")
	@Dispatcher("reportExecutor")
	static class Reports implements Actor {

		@MessageHandler
		String on(Where where) {
			return Thread.currentThread().getName();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ReportExecutor {

		@Bean(destroyMethod = "shutdownNow")
		ExecutorService reportExecutor() {
			return Executors.newSingleThreadExecutor((task) -> new Thread(task, "report-writer"));
		}

	}

	@Test
	void anActorBeanRunsOnTheExecutorBeanItsDispatcherNames() {
		this.contextRunner.withUserConfiguration(ReportExecutor.class, Reports.class).run((context) -> {
			@SuppressWarnings("unchecked")
			ActorProxy<Reports> reports = (ActorProxy<Reports>) context
				.getBeanProvider(ResolvableType.forClassWithGenerics(ActorProxy.class, Reports.class))
				.getObject();
			assertThat(reports.ask(new Where(), String.class).get(30, TimeUnit.SECONDS)).isEqualTo("report-writer");
		});
	}

	@Test
	void aDispatcherWithoutItsExecutorBeanFailsStartupNamingIt() {
		this.contextRunner.withUserConfiguration(Reports.class)
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(HandlerRegistrationException.class)
				.hasMessageContaining("@Dispatcher(\"reportExecutor\")"));
	}

}
