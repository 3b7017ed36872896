package io.libactors.demo;

import io.libactors.demo.bank.LoadDriver;

import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * A bank whose accounts are actors, served over REST on port 8080. On start it runs one load
 * (see {@code bank.load.*}) and logs the proof that transfers neither make nor lose money.
 */
@SpringBootApplication
public class DemoApplication {

	public static void main(String[] args) {
		SpringApplication.run(DemoApplication.class, args);
	}

	@Bean
	@ConditionalOnBooleanProperty(name = "bank.load.on-start", matchIfMissing = true)
	ApplicationRunner loadOnStart(LoadDriver loadDriver, Environment environment) {
		return (arguments) -> loadDriver.run(environment.getProperty("bank.load.accounts", Integer.class, 100),
				environment.getProperty("bank.load.transfers", Integer.class, 20_000),
				environment.getProperty("bank.load.concurrency", Integer.class, 8));
	}

}
