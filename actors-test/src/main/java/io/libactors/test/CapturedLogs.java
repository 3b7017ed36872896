package io.libactors.test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import org.slf4j.LoggerFactory;

/**
 * What is logged while it is open, line by line with the MDC fields actors log with, to assert
 * on without reading console output. Needs Logback, Spring Boot's default (an optional
 * dependency of this artifact). Open it before the actors log, close it after:
 * <pre>{@code
 * try (CapturedLogs logs = CapturedLogs.start()) {
 *     ...
 *     assertThat(logs.linesOf("audit-log")).extracting(LogLine::message).contains("Statement: {}");
 * }
 * }</pre>
 * Threading: thread-safe; actors log from their threads.
 */
public final class CapturedLogs implements AutoCloseable {

	private final List<LogLine> lines = new CopyOnWriteArrayList<>();

	private final Logger root;

	private final AppenderBase<ILoggingEvent> appender = new AppenderBase<>() {

		@Override
		protected void append(ILoggingEvent event) {
			CapturedLogs.this.lines.add(new LogLine(event.getLevel().toString(), event.getLoggerName(),
					event.getFormattedMessage(), Map.copyOf(event.getMDCPropertyMap())));
		}

	};

	private CapturedLogs() {
		if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
			throw new IllegalStateException("CapturedLogs needs Logback as the SLF4J backend, not "
					+ LoggerFactory.getILoggerFactory().getClass().getName() + ".");
		}
		this.root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
		this.appender.setContext(context);
		this.appender.setName("libactors-captured-logs");
		this.appender.start();
		this.root.addAppender(this.appender);
	}

	/** Starts listening to every logger (at the levels they are enabled at). */
	public static CapturedLogs start() {
		return new CapturedLogs();
	}

	/** Every line so far, oldest first. */
	public List<LogLine> lines() {
		return List.copyOf(this.lines);
	}

	/** The lines an actor logged (its MDC names it), oldest first. */
	public List<LogLine> linesOf(String actor) {
		return this.lines.stream().filter((line) -> actor.equals(line.actor())).toList();
	}

	/** Stops listening. */
	@Override
	public void close() {
		this.root.detachAppender(this.appender);
		this.appender.stop();
	}

}
