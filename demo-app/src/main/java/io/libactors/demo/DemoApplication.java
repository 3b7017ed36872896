package io.libactors.demo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.libactors.Actor;
import io.libactors.ActorProxy;
import io.libactors.Core;
import io.libactors.Message;
import io.libactors.MessageHandler;
import io.libactors.spring.ActorComponent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Scope;

/**
 * A bank whose accounts are actors: each account is made on demand from a prototype template
 * and keeps its balance without a lock, while many threads deposit at once.
 */
@SpringBootApplication
public class DemoApplication {

	private static final Logger logger = LoggerFactory.getLogger(DemoApplication.class);

	public static void main(String[] args) {
		SpringApplication.run(DemoApplication.class, args).close();
	}

	record Deposit(long amount) implements Message {
	}

	record GetBalance() implements Message {
	}

	@ActorComponent("account")
	@Scope("prototype")
	static class Account implements Actor {

		private long balance;

		@MessageHandler
		void onDeposit(Deposit deposit) {
			this.balance += deposit.amount();
		}

		@MessageHandler
		long onGetBalance(GetBalance request) {
			return this.balance;
		}

	}

	@Bean
	ApplicationRunner depositFromManyThreads(Core core) {
		return (arguments) -> {
			int accounts = 100;
			int depositsPerAccount = 10_000;
			List<ActorProxy<Account>> proxies = new ArrayList<>();
			for (int i = 0; i < accounts; i++) {
				proxies.add(core.createActor(Account.class, "account-" + i));
			}
			long started = System.nanoTime();
			List<CompletableFuture<Void>> senders = new ArrayList<>();
			for (int thread = 0; thread < 4; thread++) {
				senders.add(CompletableFuture.runAsync(() -> {
					for (int n = 0; n < depositsPerAccount / 4; n++) {
						proxies.forEach((account) -> account.tell(new Deposit(1)));
					}
				}));
			}
			senders.forEach(CompletableFuture::join);
			long total = 0;
			for (ActorProxy<Account> account : proxies) {
				total += account.ask(new GetBalance(), Long.class, Duration.ofSeconds(30)).join();
			}
			double seconds = (System.nanoTime() - started) / 1e9;
			logger.info("{} deposits into {} accounts from 4 threads: total balance {} (expected {}), {} deposits/s",
					(long) accounts * depositsPerAccount, accounts, total, (long) accounts * depositsPerAccount,
					Math.round(accounts * depositsPerAccount / seconds));
		};
	}

}
