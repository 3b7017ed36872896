package io.libactors.demo.account;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

import io.libactors.ActletFailed;
import io.libactors.Context;
import io.libactors.MessageHandler;
import io.libactors.ShutdownMessage;
import io.libactors.StatefulActor;
import io.libactors.demo.account.AccountMessages.Credit;
import io.libactors.demo.account.AccountMessages.Deposit;
import io.libactors.demo.account.AccountMessages.FraudVerdict;
import io.libactors.demo.account.AccountMessages.GetStatement;
import io.libactors.demo.account.AccountMessages.Open;
import io.libactors.demo.account.AccountMessages.Statement;
import io.libactors.demo.account.AccountMessages.Transfer;
import io.libactors.demo.account.AccountMessages.TransferReceipt;
import io.libactors.demo.account.AccountMessages.TransferStatus;
import io.libactors.demo.account.AccountMessages.Withdraw;
import io.libactors.spring.ActorComponent;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Scope;

/**
 * One bank account: an entity ({@code core.entity(Account.class, id)}) made from this prototype,
 * activated by its first message and passivated when idle, its {@link Statement} kept in between
 * ({@link #restore}). Its balance is a plain field: it handles one message at a time, so it needs
 * no lock. A transfer takes the money out here and sends it to the other account as a
 * {@link Credit}; no account ever waits for another, so transfers cannot deadlock.
 */
@ActorComponent("account")
@Scope("prototype")
public class Account implements StatefulActor<Statement> {

	/** An account's actor name is this followed by the account id. */
	public static final String PREFIX = "account/";

	/** The refusal of every request but {@link Open} to an account never opened. */
	public static final String UNKNOWN = "no such account";

	private final FraudService fraud;

	private final long reviewThreshold;

	private String id = "";

	private boolean open;

	private long balance;

	private long held;

	/** Transfers waiting for the fraud check, by actlet id. */
	private final Map<String, Transfer> underReview = new HashMap<>();

	public Account(FraudService fraud, @Value("${bank.fraud.review-threshold:100000}") long reviewThreshold) {
		this.fraud = fraud;
		this.reviewThreshold = reviewThreshold;
	}

	/** The statement the last activation ended with (no money is held then: see the shutdown). */
	@Override
	public void restore(Statement saved) {
		this.open = !saved.account().isEmpty();
		this.balance = saved.balance();
	}

	@Override
	public void initialize(Context context) {
		this.id = accountId(context);
	}

	/** The balance as observers see it (server-sent events in the demo), and what passivation keeps. */
	@Override
	public Statement state() {
		return new Statement(this.open ? this.id : "", this.balance, this.held, null);
	}

	@MessageHandler
	Statement onOpen(Context context, Open open) {
		if (this.open) {
			return statement(context, "Account '" + this.id + "' already exists.");
		}
		this.open = true;
		if (open.initialDeposit() > 0) {
			this.balance += open.initialDeposit();
			audit(context, "DEPOSIT", open.initialDeposit(), "");
		}
		return statement(context, null);
	}

	@MessageHandler
	Statement onDeposit(Context context, Deposit deposit) {
		if (!this.open) {
			return state();
		}
		this.balance += deposit.amount();
		audit(context, "DEPOSIT", deposit.amount(), "");
		return statement(context, null);
	}

	@MessageHandler
	Statement onWithdraw(Context context, Withdraw withdraw) {
		if (!this.open) {
			return state();
		}
		if (withdraw.amount() > this.balance) {
			return statement(context, "insufficient funds: balance " + this.balance + ", asked " + withdraw.amount());
		}
		this.balance -= withdraw.amount();
		audit(context, "WITHDRAWAL", withdraw.amount(), "");
		return statement(context, null);
	}

	@MessageHandler
	Statement onGetStatement(Context context, GetStatement request) {
		return this.open ? statement(context, null) : state();
	}

	@MessageHandler
	TransferReceipt onTransfer(Context context, Transfer transfer) {
		if (!this.open) {
			return new TransferReceipt(transfer.transferId(), TransferStatus.REFUSED, UNKNOWN);
		}
		if (transfer.amount() > this.balance) {
			return new TransferReceipt(transfer.transferId(), TransferStatus.REFUSED,
					"insufficient funds: balance " + this.balance + ", asked " + transfer.amount());
		}
		this.balance -= transfer.amount();
		if (transfer.amount() >= this.reviewThreshold) {
			this.held += transfer.amount();
			// The actlet runs off the actor: it gets what it needs now and touches no field.
			FraudService fraud = this.fraud;
			String from = accountId(context);
			String actlet = context.actlet(() -> new FraudVerdict(transfer.transferId(),
					fraud.approve(from, transfer.to(), transfer.amount())));
			this.underReview.put(actlet, transfer);
			audit(context, "HELD_FOR_REVIEW", transfer.amount(), transfer.transferId());
			return new TransferReceipt(transfer.transferId(), TransferStatus.PENDING_REVIEW, null);
		}
		send(context, transfer);
		return new TransferReceipt(transfer.transferId(), TransferStatus.COMPLETED, null);
	}

	@MessageHandler
	void onCredit(Context context, Credit credit) {
		if (!this.open) {
			// nobody's account: the money goes back where it came from
			context.core().entity(Account.class, credit.from())
				.tell(new Credit(credit.transferId() + "-returned", this.id, credit.amount()));
			return;
		}
		this.balance += credit.amount();
		audit(context, "TRANSFER_IN", credit.amount(), credit.transferId());
	}

	/** Passivating (or the bank closing): fraud checks still running are cancelled, so their transfers are refused. */
	@MessageHandler
	void onShutdown(Context context, ShutdownMessage shutdown) {
		for (Transfer transfer : this.underReview.values()) {
			release(context, transfer, false);
		}
		this.underReview.clear();
	}

	@MessageHandler
	void onFraudVerdict(Context context, FraudVerdict verdict) {
		for (Iterator<Transfer> pending = this.underReview.values().iterator(); pending.hasNext();) {
			Transfer transfer = pending.next();
			if (transfer.transferId().equals(verdict.transferId())) {
				pending.remove();
				release(context, transfer, verdict.approved());
				return;
			}
		}
	}

	@MessageHandler
	void onFraudCheckFailed(Context context, ActletFailed failure) {
		Transfer transfer = this.underReview.remove(failure.actletId());
		if (transfer != null) {
			context.warn("Fraud check failed ({}); transfer {} refused", failure.exceptionClass(),
					transfer.transferId());
			release(context, transfer, false);
		}
	}

	private void release(Context context, Transfer transfer, boolean approved) {
		this.held -= transfer.amount();
		if (approved) {
			send(context, transfer);
		}
		else {
			this.balance += transfer.amount();
			audit(context, "TRANSFER_REFUSED", transfer.amount(), transfer.transferId());
		}
	}

	private void send(Context context, Transfer transfer) {
		context.core().entity(Account.class, transfer.to()).tell(new Credit(transfer.transferId(), accountId(context),
				transfer.amount()));
		audit(context, "TRANSFER_OUT", transfer.amount(), transfer.transferId());
	}

	private Statement statement(Context context, @Nullable String refusal) {
		return new Statement(accountId(context), this.balance, this.held, refusal);
	}

	private static void audit(Context context, String kind, long amount, String reference) {
		context.publish(new AuditEvent(accountId(context), kind, amount, reference, System.currentTimeMillis()));
	}

	private static String accountId(Context context) {
		return context.name().substring(PREFIX.length());
	}

}
