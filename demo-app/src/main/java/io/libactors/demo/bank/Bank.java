package io.libactors.demo.bank;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

import io.libactors.ActorProxy;
import io.libactors.Core;
import io.libactors.Pool;
import io.libactors.reactor.ReactiveActors;
import io.libactors.demo.account.Account;
import io.libactors.demo.account.AccountMessages.Deposit;
import io.libactors.demo.account.AccountMessages.GetStatement;
import io.libactors.demo.account.AccountMessages.Open;
import io.libactors.demo.account.AccountMessages.Statement;
import io.libactors.demo.account.AccountMessages.Transfer;
import io.libactors.demo.account.AccountMessages.TransferReceipt;
import io.libactors.demo.account.AccountMessages.TransferStatus;
import io.libactors.demo.account.AccountMessages.Withdraw;
import io.libactors.demo.audit.AuditLog;
import io.libactors.demo.audit.AuditLog.AuditPage;
import io.libactors.demo.audit.AuditLog.GetAudit;
import io.libactors.demo.audit.DeadLetterWatcher;
import io.libactors.demo.audit.DeadLetterWatcher.GetDeadLetters;
import io.libactors.demo.notify.Notifier;
import io.libactors.demo.notify.Notifier.GetNotices;
import io.libactors.demo.notify.Notifier.Notices;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;

/**
 * The bank's operations for callers outside the actors (the REST API, the load driver): checks
 * the input, then asks the accounts. Thread-safe; each call waits for its answer.
 */
@Service
public class Bank {

	private static final Pattern ACCOUNT_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

	private static final Duration WAIT = Duration.ofSeconds(10);

	private final Core core;

	private final ActorProxy<AuditLog> auditLog;

	private final ActorProxy<DeadLetterWatcher> deadLetterWatcher;

	private final AtomicLong transferIds = new AtomicLong();

	private final Pool<Notifier> notifiers;

	public Bank(Core core, ActorProxy<AuditLog> auditLog, ActorProxy<DeadLetterWatcher> deadLetterWatcher,
			@Qualifier("notifiers") Pool<Notifier> notifiers) {
		this.core = core;
		this.notifiers = notifiers;
		this.auditLog = auditLog;
		this.deadLetterWatcher = deadLetterWatcher;
	}

	/** Opens an account, with a first deposit unless {@code initialDeposit} is 0. */
	public Statement open(@Nullable String id, long initialDeposit) {
		if (initialDeposit < 0) {
			throw BankException.badRequest("initialDeposit must not be negative, but was " + initialDeposit + ".");
		}
		ActorProxy<Account> account = account(id);
		Statement statement = await(account.ask(new Open(initialDeposit), Statement.class));
		if (statement.refusal() != null) {
			throw BankException.refused(statement.refusal());
		}
		return statement;
	}

	public Statement statement(String id) {
		return known(id, await(account(id).ask(new GetStatement(), Statement.class)));
	}

	public Statement deposit(String id, long amount) {
		positive(amount);
		return known(id, await(account(id).ask(new Deposit(amount), Statement.class)));
	}

	public Statement withdraw(String id, long amount) {
		positive(amount);
		Statement statement = known(id, await(account(id).ask(new Withdraw(amount), Statement.class)));
		if (statement.refusal() != null) {
			throw BankException.refused(statement.refusal());
		}
		return statement;
	}

	/** Moves money; refused (409) when the balance does not cover it, 404 for an account never opened. */
	public TransferReceipt transfer(String from, String to, long amount) {
		statement(to);
		TransferReceipt receipt = await(transferAsync(from, to, amount));
		if (Account.UNKNOWN.equals(receipt.reason())) {
			throw BankException.unknownAccount(from);
		}
		if (receipt.status() == TransferStatus.REFUSED) {
			throw BankException.refused(receipt.reason());
		}
		return receipt;
	}

	/**
	 * Starts a transfer; the receipt says whether it was refused. Money sent to an account never
	 * opened comes back to the sender.
	 */
	public CompletableFuture<TransferReceipt> transferAsync(String from, String to, long amount) {
		positive(amount);
		if (from.equals(to)) {
			throw BankException.badRequest("A transfer needs two different accounts, but both were '" + from + "'.");
		}
		ActorProxy<Account> source = account(from);
		account(to);
		String id = "t" + this.transferIds.incrementAndGet();
		return source.ask(new Transfer(id, to, amount), TransferReceipt.class);
	}

	/** The account's statements as they change, starting with the current one. */
	public Flux<Statement> statements(String id) {
		statement(id);
		return ReactiveActors.states(account(id), Statement.class);
	}

	public AuditPage audit(@Nullable String account, int limit) {
		if (limit < 1 || limit > 10_000) {
			throw BankException.badRequest("limit must be 1-10000, but was " + limit + ".");
		}
		return await(this.auditLog.ask(new GetAudit(account, limit), AuditPage.class));
	}

	/** The notices sent to an account's holder, newest first. */
	public Notices notices(String id) {
		statement(id);
		return await(this.notifiers.ask(new GetNotices(id), Notices.class));
	}

	@SuppressWarnings("unchecked")
	public Map<String, Long> deadLetters() {
		return await(this.deadLetterWatcher.ask(new GetDeadLetters(), Map.class));
	}

	private ActorProxy<Account> account(@Nullable String id) {
		if (id == null || !ACCOUNT_ID.matcher(id).matches()) {
			throw BankException.badRequest("Account id must be 1-64 letters, digits, '-' or '_', but was '" + id + "'.");
		}
		return this.core.entity(Account.class, id);
	}

	/** An account never opened answers with an empty id: 404. */
	private static Statement known(String id, Statement statement) {
		if (statement.account().isEmpty()) {
			throw BankException.unknownAccount(id);
		}
		return statement;
	}

	private static void positive(long amount) {
		if (amount <= 0) {
			throw BankException.badRequest("amount must be a positive number of cents, but was " + amount + ".");
		}
	}

	static <T> T await(CompletableFuture<T> answer) {
		try {
			return answer.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException cause) {
				throw cause;
			}
			throw new IllegalStateException(ex.getCause());
		}
		catch (TimeoutException ex) {
			throw new IllegalStateException("The bank did not answer within " + WAIT + ".", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted", ex);
		}
	}

}
