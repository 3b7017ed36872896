package io.libactors.demo.bank;

import java.util.Map;

import io.libactors.demo.account.AccountMessages.Statement;
import io.libactors.demo.account.AccountMessages.TransferReceipt;
import io.libactors.demo.account.AccountMessages.TransferStatus;
import io.libactors.demo.audit.AuditLog.AuditPage;
import io.libactors.demo.notify.Notifier.Notices;

import org.jspecify.annotations.Nullable;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;

/** The bank's REST API. Amounts are in cents. Errors are RFC 9457 problem details. */
@RestController
public class BankController {

	private final Bank bank;

	private final LoadDriver loadDriver;

	/** Signals once the application closes: open event streams end then, or its graceful drain would wait for them. */
	private final Sinks.One<Boolean> closing = Sinks.one();

	public BankController(Bank bank, LoadDriver loadDriver) {
		this.bank = bank;
		this.loadDriver = loadDriver;
	}

	public record OpenAccount(@Nullable String id, @Nullable Long initialDeposit) {
	}

	public record Amount(@Nullable Long amount) {
	}

	public record TransferRequest(@Nullable String from, @Nullable String to, @Nullable Long amount) {
	}

	@PostMapping("/accounts")
	ResponseEntity<Statement> open(@RequestBody OpenAccount request) {
		return ResponseEntity.status(HttpStatus.CREATED).body(this.bank.open(request.id(), cents(request.initialDeposit())));
	}

	@GetMapping("/accounts/{id}")
	Statement statement(@PathVariable String id) {
		return this.bank.statement(id);
	}

	@PostMapping("/accounts/{id}/deposits")
	Statement deposit(@PathVariable String id, @RequestBody Amount request) {
		return this.bank.deposit(id, cents(request.amount()));
	}

	@PostMapping("/accounts/{id}/withdrawals")
	Statement withdraw(@PathVariable String id, @RequestBody Amount request) {
		return this.bank.withdraw(id, cents(request.amount()));
	}

	@PostMapping("/transfers")
	ResponseEntity<TransferReceipt> transfer(@RequestBody TransferRequest request) {
		TransferReceipt receipt = this.bank.transfer(required("from", request.from()), required("to", request.to()),
				cents(request.amount()));
		HttpStatus status = (receipt.status() == TransferStatus.PENDING_REVIEW) ? HttpStatus.ACCEPTED : HttpStatus.OK;
		return ResponseEntity.status(status).body(receipt);
	}

	/**
	 * Server-sent events: the balance now, then each time it changes, until the account stops or
	 * the application closes. A slow client gets the latest balance (the stream never queues), and
	 * writes happen off the account's thread.
	 */
	@GetMapping(path = "/accounts/{id}/statements", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	Flux<ServerSentEvent<Statement>> statements(@PathVariable String id) {
		return this.bank.statements(id)
			.onBackpressureLatest()
			.publishOn(Schedulers.boundedElastic(), 1)
			.map((statement) -> ServerSentEvent.builder(statement).event("statement").build())
			.takeUntilOther(this.closing.asMono());
	}

	@EventListener(ContextClosedEvent.class)
	void endStreams() {
		this.closing.tryEmitValue(true);
	}

	@GetMapping("/audit")
	AuditPage audit(@RequestParam(required = false) @Nullable String account,
			@RequestParam(defaultValue = "50") int limit) {
		return this.bank.audit(account, limit);
	}

	@GetMapping("/accounts/{id}/notices")
	Notices notices(@PathVariable String id) {
		return this.bank.notices(id);
	}

	@GetMapping("/dead-letters")
	Map<String, Long> deadLetters() {
		return this.bank.deadLetters();
	}

	@PostMapping("/load")
	LoadDriver.LoadReport load(@RequestParam(defaultValue = "100") int accounts,
			@RequestParam(defaultValue = "20000") int transfers, @RequestParam(defaultValue = "8") int concurrency) {
		return this.loadDriver.run(accounts, transfers, concurrency);
	}

	private static long cents(@Nullable Long amount) {
		return (amount != null) ? amount : 0;
	}

	private static String required(String field, @Nullable String value) {
		if (value == null || value.isBlank()) {
			throw BankException.badRequest("'" + field + "' is required.");
		}
		return value;
	}

	@ExceptionHandler
	ProblemDetail onUnreadableBody(HttpMessageNotReadableException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"The request body is not the JSON this endpoint takes; see the README for examples.");
	}

	@ExceptionHandler
	ProblemDetail onBankException(BankException ex) {
		return ProblemDetail.forStatusAndDetail(ex.status(), ex.getMessage());
	}

}
