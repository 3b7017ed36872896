package io.libactors.demo.bank;

import org.springframework.http.HttpStatus;

/** A request the bank turns down, with the HTTP status that says why. */
public class BankException extends RuntimeException {

	private final HttpStatus status;

	BankException(HttpStatus status, String message) {
		super(message);
		this.status = status;
	}

	public HttpStatus status() {
		return this.status;
	}

	static BankException unknownAccount(String id) {
		return new BankException(HttpStatus.NOT_FOUND, "No account '" + id + "'. Open it first: POST /accounts.");
	}

	static BankException refused(String reason) {
		return new BankException(HttpStatus.CONFLICT, reason);
	}

	static BankException badRequest(String reason) {
		return new BankException(HttpStatus.BAD_REQUEST, reason);
	}

}
