package io.libactors.demo.notify;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.libactors.Actor;
import io.libactors.Dispatcher;
import io.libactors.Message;
import io.libactors.MessageHandler;
import io.libactors.Routing;
import io.libactors.spring.ActorComponent;
import io.libactors.spring.ActorPool;

import org.springframework.beans.factory.annotation.Value;

/**
 * Sends customers their notices (a stand-in that takes its time, as a mail or SMS gateway does):
 * a pool of them, each account's notices always with the same member so that they go out in
 * order, on virtual threads so that a slow gateway blocks no other actor.
 */
@ActorComponent("notifiers")
@ActorPool(size = 2, routing = Routing.Kind.CONSISTENT_HASH)
@Dispatcher(Dispatcher.VIRTUAL)
public class Notifier implements Actor {

	private static final int KEPT = 20;

	private final Duration latency;

	/** The latest notices sent, per account. */
	private final Map<String, Deque<String>> sent = new HashMap<>();

	public Notifier(@Value("${bank.notify.latency:5ms}") Duration latency) {
		this.latency = latency;
	}

	/** A notice for the holder of {@code account}. */
	public record CustomerNotice(String account, String text) implements Message, Routing.Keyed {

		@Override
		public Object routingKey() {
			return this.account;
		}

	}

	/** Asks for the notices sent to an account, newest first; answers a {@link Notices}. */
	public record GetNotices(String account) implements Message, Routing.Keyed {

		@Override
		public Object routingKey() {
			return this.account;
		}

	}

	public record Notices(List<String> notices) {
	}

	@MessageHandler
	void on(CustomerNotice notice) throws InterruptedException {
		Thread.sleep(this.latency.toMillis()); // the gateway
		Deque<String> notices = this.sent.computeIfAbsent(notice.account(), (account) -> new ArrayDeque<>());
		notices.addFirst(notice.text());
		if (notices.size() > KEPT) {
			notices.removeLast();
		}
	}

	@MessageHandler
	Notices on(GetNotices request) {
		return new Notices(List.copyOf(this.sent.getOrDefault(request.account(), new ArrayDeque<>())));
	}

}
