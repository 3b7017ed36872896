package io.libactors.demo.account;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * A stand-in for a slow external fraud service: it takes its time and turns down transfers of
 * a round million cents or more. Blocking, so accounts call it from actlets, never from a handler.
 */
@Service
public class FraudService {

	private final Duration latency;

	public FraudService(@Value("${bank.fraud.latency:200ms}") Duration latency) {
		this.latency = latency;
	}

	/** Whether the transfer may go ahead; blocks for the service's latency. */
	public boolean approve(String from, String to, long amount) throws InterruptedException {
		Thread.sleep(this.latency.toMillis());
		return amount < 1_000_000;
	}

}
