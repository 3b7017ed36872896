package io.libactors.demo.notify;

import io.libactors.MessageHandler;
import io.libactors.Pool;
import io.libactors.demo.account.AuditEvent;
import io.libactors.demo.notify.Notifier.CustomerNotice;
import io.libactors.spring.ActorComponent;

import org.springframework.beans.factory.annotation.Qualifier;

/**
 * Tells customers what they must know: a transfer held for the fraud check, or refused. Hears
 * the accounts' audit events and hands each notice to the {@link Notifier} pool.
 */
@ActorComponent("notice-writer")
public class NoticeWriter implements io.libactors.Actor {

	private final Pool<Notifier> notifiers;

	public NoticeWriter(@Qualifier("notifiers") Pool<Notifier> notifiers) {
		this.notifiers = notifiers;
	}

	@MessageHandler
	void on(AuditEvent event) {
		String text = switch (event.kind()) {
			case "HELD_FOR_REVIEW" -> "Transfer " + event.reference() + " of " + event.amount()
					+ " cents is held for a fraud check.";
			case "TRANSFER_REFUSED" -> "Transfer " + event.reference() + " of " + event.amount()
					+ " cents was refused; the money is back in your account.";
			default -> null;
		};
		if (text != null) {
			this.notifiers.tell(new CustomerNotice(event.account(), text));
		}
	}

}
