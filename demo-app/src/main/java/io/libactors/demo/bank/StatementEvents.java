package io.libactors.demo.bank;

import java.io.IOException;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;

import io.libactors.demo.account.AccountMessages.Statement;

import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Sends an account's statements to a browser as server-sent events, one at a time: it asks
 * for the next only once the last is written, so a slow client sees the latest balance and
 * nothing piles up. Writes happen on the given executor, never on the actor's thread (a
 * statement arrives in the account's turn). Cancels when the client goes away.
 */
final class StatementEvents implements Flow.Subscriber<Statement> {

	private final SseEmitter emitter;

	private final Executor writer;

	private volatile Flow.Subscription subscription;

	StatementEvents(SseEmitter emitter, Executor writer) {
		this.emitter = emitter;
		this.writer = writer;
	}

	@Override
	public void onSubscribe(Flow.Subscription subscription) {
		this.subscription = subscription;
		Runnable cancel = subscription::cancel;
		this.emitter.onCompletion(cancel);
		this.emitter.onTimeout(cancel);
		this.emitter.onError((error) -> cancel.run());
		subscription.request(1);
	}

	@Override
	public void onNext(Statement statement) {
		this.writer.execute(() -> {
			try {
				this.emitter.send(SseEmitter.event().name("statement").data(statement));
				this.subscription.request(1);
			}
			catch (IOException | IllegalStateException ex) {
				this.subscription.cancel();
			}
		});
	}

	@Override
	public void onError(Throwable error) {
		this.emitter.completeWithError(error);
	}

	@Override
	public void onComplete() {
		this.emitter.complete();
	}

}
