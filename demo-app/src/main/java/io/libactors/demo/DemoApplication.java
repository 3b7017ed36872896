package io.libactors.demo;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A bank whose accounts are actors, served over REST on port 8080. On start it runs one load
 * (see {@code bank.load.*}) and logs the proof that transfers neither make nor lose money.
 */
@SpringBootApplication
public class DemoApplication {

	public static void main(String[] args) {
		start(args);
	}

	/**
	 * Starts the bank, from any caller (a test too): the main class is named, not guessed from the
	 * stack, so that an ahead-of-time processed build finds its generated initializer.
	 */
	public static ConfigurableApplicationContext start(String... args) {
		SpringApplication application = new SpringApplication(DemoApplication.class);
		application.setMainApplicationClass(DemoApplication.class);
		return application.run(args);
	}

}
