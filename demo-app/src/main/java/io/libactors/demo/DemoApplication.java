package io.libactors.demo;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A bank whose accounts are actors, served over REST on port 8080. On start it runs one load
 * (see {@code bank.load.*}) and logs the proof that transfers neither make nor lose money.
 */
@SpringBootApplication
public class DemoApplication {

	public static void main(String[] args) {
		SpringApplication.run(DemoApplication.class, args);
	}

}
