package io.libactors.demo.audit;

import java.util.Map;
import java.util.TreeMap;

import io.libactors.Actor;
import io.libactors.Context;
import io.libactors.DeadLetter;
import io.libactors.Message;
import io.libactors.MessageHandler;
import io.libactors.demo.account.Account;
import io.libactors.demo.account.AccountMessages.Credit;
import io.libactors.spring.ActorComponent;

/**
 * Watches dead letters: counts them by reason, and sends back to its sender any credit that
 * could not reach its account, so that no money is ever lost in transit.
 */
@ActorComponent(DeadLetterWatcher.NAME)
public class DeadLetterWatcher implements Actor {

	public static final String NAME = "dead-letter-watcher";

	private final Map<String, Long> counts = new TreeMap<>();

	/** Asks for the dead letters seen so far by reason; answers a {@code Map<String, Long>}. */
	public record GetDeadLetters() implements Message {
	}

	@MessageHandler
	void onDeadLetter(Context context, DeadLetter deadLetter) {
		this.counts.merge(deadLetter.reason(), 1L, Long::sum);
		if (deadLetter.envelope().message() instanceof Credit credit && !credit.transferId().endsWith("-returned")) {
			context.warn("Credit {} could not reach '{}' ({}); returning it", credit.transferId(),
					deadLetter.envelope().receiver(), deadLetter.reason());
			String to = deadLetter.envelope().receiver().substring(Account.PREFIX.length());
			context.core().entity(Account.class, credit.from())
				.tell(new Credit(credit.transferId() + "-returned", to, credit.amount()));
		}
	}

	@MessageHandler
	Map<String, Long> onGetDeadLetters(GetDeadLetters request) {
		return Map.copyOf(this.counts);
	}

}
