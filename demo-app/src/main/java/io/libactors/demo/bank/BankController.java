package io.libactors.demo.bank;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

import io.libactors.demo.account.AccountMessages.Statement;
import io.libactors.demo.account.AccountMessages.TransferReceipt;
import io.libactors.demo.account.AccountMessages.TransferStatus;
import io.libactors.demo.audit.AuditLog.AuditPage;
import io.libactors.demo.notify.Notifier.Notices;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** The bank's REST API. Amounts are in cents. Errors are RFC 9457 problem details. */
@RestController
public class BankController {

	private final Bank bank;

	private final LoadDriver loadDriver;

	private final Executor eventWriter;

	/** Open event streams: ended when the application closes, or its graceful drain would wait for them. */
	private final Set<SseEmitter> streams = ConcurrentHashMap.newKeySet();

	public BankController(Bank bank, LoadDriver loadDriver,
			@Qualifier("applicationTaskExecutor") Executor eventWriter) {
		this.bank = bank;
		this.loadDriver = loadDriver;
		this.eventWriter = eventWriter;
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

	/** Server-sent events: the balance now, then each time it changes, until the account stops. */
	@GetMapping(path = "/accounts/{id}/statements", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	SseEmitter statements(@PathVariable String id) {
		SseEmitter emitter = new SseEmitter(Duration.ofMinutes(30).toMillis());
		this.streams.add(emitter);
		emitter.onCompletion(() -> this.streams.remove(emitter));
		this.bank.statements(id).subscribe(new StatementEvents(emitter, this.eventWriter));
		return emitter;
	}

	@EventListener(ContextClosedEvent.class)
	void endStreams() {
		this.streams.forEach(SseEmitter::complete);
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
