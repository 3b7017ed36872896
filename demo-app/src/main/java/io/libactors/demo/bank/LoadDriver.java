package io.libactors.demo.bank;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.libactors.demo.account.AccountMessages.Statement;
import io.libactors.demo.account.AccountMessages.TransferReceipt;
import io.libactors.demo.account.AccountMessages.TransferStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/**
 * Runs many concurrent transfers among fresh accounts and proves that no money was made or
 * lost: the accounts' total before equals the total after. Thread-safe; runs one load at a time.
 */
@Service
public class LoadDriver {

	private static final Logger logger = LoggerFactory.getLogger(LoadDriver.class);

	private static final long OPENING_BALANCE = 10_000;

	private final Bank bank;

	private final AtomicInteger runs = new AtomicInteger();

	public LoadDriver(Bank bank) {
		this.bank = bank;
	}

	/**
	 * What a load run did.
	 * @param accounts accounts opened for it
	 * @param transfers transfers asked for
	 * @param completed transfers that moved money
	 * @param refused transfers refused for insufficient funds
	 * @param millis how long the transfers took
	 * @param transfersPerSecond the rate
	 * @param moneyBefore the accounts' total after opening
	 * @param moneyAfter the accounts' total after the transfers
	 * @param conserved whether the totals are equal
	 */
	public record LoadReport(int accounts, int transfers, long completed, long refused, long millis,
			long transfersPerSecond, long moneyBefore, long moneyAfter, boolean conserved) {
	}

	public synchronized LoadReport run(int accounts, int transfers, int concurrency) {
		check("accounts", accounts, 2, 100_000);
		check("transfers", transfers, 1, 10_000_000);
		check("concurrency", concurrency, 1, 256);
		// unique across restarts too: accounts are entities, kept while the bank runs
		String prefix = "load" + this.runs.incrementAndGet() + "-" + Long.toString(System.currentTimeMillis(), 36) + "-";
		List<String> ids = new ArrayList<>(accounts);
		for (int i = 0; i < accounts; i++) {
			ids.add(prefix + i);
			this.bank.open(prefix + i, OPENING_BALANCE);
		}
		long before = total(ids);
		logger.info("Load: {} transfers among {} accounts from {} threads; money before: {}", transfers, accounts,
				concurrency, before);
		AtomicLong completed = new AtomicLong();
		AtomicLong refused = new AtomicLong();
		AtomicLong done = new AtomicLong();
		long tenth = Math.max(1, transfers / 10);
		long started = System.nanoTime();
		ExecutorService threads = Executors.newFixedThreadPool(concurrency);
		try {
			List<Future<?>> workers = new ArrayList<>();
			for (int worker = 0; worker < concurrency; worker++) {
				int share = transfers / concurrency + ((worker < transfers % concurrency) ? 1 : 0);
				workers.add(threads.submit(() -> {
					ThreadLocalRandom random = ThreadLocalRandom.current();
					for (int n = 0; n < share; n++) {
						int from = random.nextInt(accounts);
						int to = (from + 1 + random.nextInt(accounts - 1)) % accounts;
						TransferReceipt receipt = Bank.await(
								this.bank.transferAsync(ids.get(from), ids.get(to), 1 + random.nextInt(1_000)));
						((receipt.status() == TransferStatus.COMPLETED) ? completed : refused).incrementAndGet();
						long count = done.incrementAndGet();
						if (count % tenth == 0) {
							logger.info("Load: {}/{} transfers", count, transfers);
						}
					}
					return null;
				}));
			}
			for (Future<?> worker : workers) {
				worker.get();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted during the load", ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("A load worker failed: " + ex.getCause(), ex.getCause());
		}
		finally {
			threads.shutdown();
		}
		long millis = Math.max(1, (System.nanoTime() - started) / 1_000_000);
		long after = total(ids);
		LoadReport report = new LoadReport(accounts, transfers, completed.get(), refused.get(), millis,
				transfers * 1000L / millis, before, after, before == after);
		logger.info("Load done: {} completed, {} refused in {} ms ({} transfers/s); money before {}, after {}: {}",
				report.completed(), report.refused(), millis, report.transfersPerSecond(), before, after,
				report.conserved() ? "nothing made or lost" : "MONEY NOT CONSERVED");
		return report;
	}

	/**
	 * Every transfer's credit was sent before its receipt came back, so asking each account
	 * afterwards sees all credits: its mailbox is FIFO.
	 */
	private long total(List<String> ids) {
		long total = 0;
		for (String id : ids) {
			Statement statement = this.bank.statement(id);
			total += statement.balance() + statement.held();
		}
		return total;
	}

	private static void check(String name, int value, int min, int max) {
		if (value < min || value > max) {
			throw BankException.badRequest(name + " must be " + min + "-" + max + ", but was " + value + ".");
		}
	}

}
