package io.libactors.demo.account;

import io.libactors.Message;

import org.jspecify.annotations.Nullable;

/** What accounts understand and answer. Amounts are in cents and always positive. */
public final class AccountMessages {

	private AccountMessages() {
	}

	/**
	 * Opens the account with a first deposit (0 for none); answers the {@link Statement}, refused
	 * if the account is open already.
	 */
	public record Open(long initialDeposit) implements Message {
	}

	/** Adds money; answers the {@link Statement}. */
	public record Deposit(long amount) implements Message {
	}

	/** Takes money out if the balance covers it; answers the {@link Statement}. */
	public record Withdraw(long amount) implements Message {
	}

	/** Asks for the {@link Statement}. */
	public record GetStatement() implements Message {
	}

	/**
	 * Moves money to another account; answers a {@link TransferReceipt}. Large amounts wait for
	 * the fraud check, holding the money meanwhile.
	 */
	public record Transfer(String transferId, String to, long amount) implements Message {
	}

	/** Money arriving from another account's transfer. */
	public record Credit(String transferId, String from, long amount) implements Message {
	}

	/** The fraud check's answer for a held transfer, from an actlet. */
	public record FraudVerdict(String transferId, boolean approved) implements Message {
	}

	/**
	 * An account's state.
	 * @param account the account id; empty for an account never opened
	 * @param balance money available
	 * @param held money held by transfers under review
	 * @param refusal why the request was refused, or {@code null}
	 */
	public record Statement(String account, long balance, long held, @Nullable String refusal) {
	}

	/** What became of a transfer. */
	public enum TransferStatus {

		/** The money left and is on its way to the other account. */
		COMPLETED,
		/** The money is held until the fraud check answers. */
		PENDING_REVIEW,
		/** Nothing moved; see the reason. */
		REFUSED

	}

	/** The answer to a {@link Transfer}. */
	public record TransferReceipt(String transferId, TransferStatus status, @Nullable String reason) {
	}

}
