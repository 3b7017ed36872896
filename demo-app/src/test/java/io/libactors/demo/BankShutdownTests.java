package io.libactors.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.libactors.Core;
import io.libactors.DeadLetter;
import io.libactors.demo.account.AccountMessages.TransferReceipt;
import io.libactors.demo.bank.Bank;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

class BankShutdownTests {

	@Test
	void closingTheApplicationDrainsEveryAcceptedTransfer() throws Exception {
		ConfigurableApplicationContext context = DemoApplication.start("--server.port=0",
				"--bank.load.on-start=false");
		Core core = context.getBean(Core.class);
		Bank bank = context.getBean(Bank.class);
		for (int i = 0; i < 20; i++) {
			bank.open("s" + i, 100_000);
		}
		List<CompletableFuture<TransferReceipt>> transfers = new ArrayList<>();
		for (int n = 0; n < 20_000; n++) {
			transfers.add(bank.transferAsync("s" + (n % 20), "s" + ((n + 1 + n % 19) % 20), 1));
		}
		context.close();
		for (CompletableFuture<TransferReceipt> transfer : transfers) {
			assertThat(transfer.get(30, TimeUnit.SECONDS).status()).isNotNull();
		}
		assertThat(core.deadLetterCount()).isZero();
		assertThat(core.deadLetterCount(DeadLetter.SHUTDOWN_TIMEOUT)).isZero();
		assertThat(core.actorCount()).isZero();
	}

}
