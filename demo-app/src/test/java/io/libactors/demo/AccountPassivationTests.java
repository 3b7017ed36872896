package io.libactors.demo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.libactors.Core;
import io.libactors.demo.account.Account;
import io.libactors.demo.account.AccountMessages.TransferReceipt;
import io.libactors.demo.account.AccountMessages.TransferStatus;
import io.libactors.demo.bank.Bank;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Accounts are entities: an idle one passivates and the next request finds its balance intact;
 * money sent to an account never opened comes back.
 */
@SpringBootTest(properties = { "bank.load.on-start=false", "actors.entities.passivate-after=100ms",
		"bank.fraud.latency=10ms" })
class AccountPassivationTests {

	@Autowired
	Bank bank;

	@Autowired
	Core core;

	@Test
	void anIdleAccountPassivatesAndComesBackWithItsBalance() {
		this.bank.open("ida", 1_000);
		this.bank.deposit("ida", 234);
		await().atMost(Duration.ofSeconds(30)).until(() -> this.core.find(Account.PREFIX + "ida").isEmpty());

		assertThat(this.bank.statement("ida").balance()).isEqualTo(1_234);
		assertThat(this.core.find(Account.PREFIX + "ida")).isPresent();
	}

	@Test
	void transfersBetweenPassivatingAccountsConserveMoney() throws Exception {
		for (int i = 0; i < 5; i++) {
			this.bank.open("p" + i, 10_000);
		}
		long transferred = 0;
		for (int round = 0; round < 5; round++) {
			List<CompletableFuture<TransferReceipt>> transfers = new ArrayList<>();
			for (int n = 0; n < 500; n++) {
				transfers.add(this.bank.transferAsync("p" + (n % 5), "p" + ((n + 1 + n % 4) % 5), 1 + n % 7));
			}
			for (CompletableFuture<TransferReceipt> transfer : transfers) {
				transferred += (transfer.get(30, TimeUnit.SECONDS).status() == TransferStatus.COMPLETED) ? 1 : 0;
			}
			// idle long enough for every account to passivate before the next round
			await().atMost(Duration.ofSeconds(30))
				.until(() -> this.core.actors().stream().noneMatch((actor) -> actor.name().startsWith(Account.PREFIX)));
		}
		assertThat(transferred).isPositive();
		long total = 0;
		for (int i = 0; i < 5; i++) {
			total += this.bank.statement("p" + i).balance();
		}
		assertThat(total).isEqualTo(50_000);
	}

	@Test
	void moneySentToAnAccountNeverOpenedComesBack() {
		this.bank.open("giver", 500);
		assertThat(this.bank.transferAsync("giver", "ghost", 200).join().status()).isEqualTo(TransferStatus.COMPLETED);
		await().atMost(Duration.ofSeconds(30)).until(() -> this.bank.statement("giver").balance() == 500);
	}

}
