package io.libactors;

import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.slf4j.LoggerFactory;

/** Captures what the framework logs at INFO and above while open. */
final class LogCapture implements AutoCloseable {

	private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

	private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

	LogCapture() {
		this.appender.start();
		this.root.addAppender(this.appender);
	}

	/** The formatted lines at {@code level} or above, with their exceptions' class names and messages. */
	List<String> lines(Level level) {
		synchronized (this.appender.list) {
			return this.appender.list.stream()
				.filter((event) -> event.getLevel().isGreaterOrEqual(level))
				.map((event) -> event.getFormattedMessage() + ((event.getThrowableProxy() != null)
						? " " + event.getThrowableProxy().getClassName() + ": " + event.getThrowableProxy().getMessage()
						: ""))
				.toList();
		}
	}

	@Override
	public void close() {
		this.root.detachAppender(this.appender);
		this.appender.stop();
	}

}
