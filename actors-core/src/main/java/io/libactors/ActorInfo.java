package io.libactors;

import java.util.Map;

/**
 * A snapshot of one actor, for monitoring. Never holds message contents.
 *
 * @param name the actor's name
 * @param type the actor's class name
 * @param state one of {@code STARTING}, {@code RUNNING}, {@code STOPPING}, {@code STOPPED},
 * {@code FAILED}
 * @param mailboxDepth messages waiting
 * @param processed messages handled successfully
 * @param failed messages whose handler threw
 * @param handlers statistics by message type simple name
 */
public record ActorInfo(String name, String type, String state, int mailboxDepth, long processed, long failed,
		Map<String, HandlerStats> handlers) {

	/**
	 * Handler latency statistics, in milliseconds.
	 *
	 * @param count messages handled (including failures)
	 * @param mean mean duration
	 * @param max longest duration
	 * @param p99 99th percentile duration
	 */
	public record HandlerStats(long count, double mean, double max, double p99) {
	}

}
