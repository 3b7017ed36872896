package io.libactors.demo.audit;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.libactors.Actor;
import io.libactors.Context;
import io.libactors.Message;
import io.libactors.MessageHandler;
import io.libactors.Terminated;
import io.libactors.demo.account.AuditEvent;
import io.libactors.spring.ActorComponent;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;

/**
 * The bank's audit log: every {@link AuditEvent} the accounts publish, the latest kept in
 * memory, counted by kind; a periodic timer writes a statement line to the log.
 */
@ActorComponent("audit-log")
public class AuditLog implements Actor {

	private static final int KEPT = 10_000;

	private final Duration statementInterval;

	private final Deque<AuditEvent> latest = new ArrayDeque<>();

	private final Map<String, Long> counts = new TreeMap<>();

	public AuditLog(@Value("${bank.statement-interval:1m}") Duration statementInterval) {
		this.statementInterval = statementInterval;
	}

	/** Asks for the newest events, of one account or of all; answers an {@link AuditPage}. */
	public record GetAudit(@Nullable String account, int limit) implements Message {
	}

	/** The answer to {@link GetAudit}: newest first, and the count of every event by kind. */
	public record AuditPage(List<AuditEvent> events, Map<String, Long> counts) {
	}

	record WriteStatement() implements Message {
	}

	@Override
	public void initialize(Context context) {
		context.timers().startPeriodic("statement", this.statementInterval, new WriteStatement());
		// the watcher that returns undeliverable money: the audit must say if it ever stops
		context.core().find(DeadLetterWatcher.NAME).ifPresent(context::watch);
	}

	@MessageHandler
	void onTerminated(Context context, Terminated terminated) {
		context.error("Actor '{}' has stopped{}: undeliverable credits are no longer returned", terminated.name(),
				terminated.failed() ? " after a failure" : "");
		onEvent(new AuditEvent("", "COMPONENT_STOPPED", 0, terminated.name(), System.currentTimeMillis()));
	}

	@MessageHandler
	void onEvent(AuditEvent event) {
		this.latest.addFirst(event);
		if (this.latest.size() > KEPT) {
			this.latest.removeLast();
		}
		this.counts.merge(event.kind(), 1L, Long::sum);
	}

	@MessageHandler
	AuditPage onGetAudit(GetAudit request) {
		List<AuditEvent> events = new ArrayList<>();
		for (Iterator<AuditEvent> newest = this.latest.iterator(); newest.hasNext() && events.size() < request.limit();) {
			AuditEvent event = newest.next();
			if (request.account() == null || request.account().equals(event.account())) {
				events.add(event);
			}
		}
		return new AuditPage(events, Map.copyOf(this.counts));
	}

	@MessageHandler
	void onWriteStatement(Context context, WriteStatement tick) {
		context.info("Statement: {}", this.counts);
	}

}
