package io.libactors.demo.bank;

import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * On start, one load (see {@code bank.load.*}) and the proof that transfers neither make nor
 * lose money. A configuration of its own, not a bean of the application class, so that test
 * slices leave it out.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "bank.load.on-start", matchIfMissing = true)
class LoadOnStart {

	@Bean
	ApplicationRunner loadOnStartRunner(LoadDriver loadDriver, Environment environment) {
		return (arguments) -> loadDriver.run(environment.getProperty("bank.load.accounts", Integer.class, 100),
				environment.getProperty("bank.load.transfers", Integer.class, 20_000),
				environment.getProperty("bank.load.concurrency", Integer.class, 8));
	}

}
