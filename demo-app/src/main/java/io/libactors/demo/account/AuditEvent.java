package io.libactors.demo.account;

import io.libactors.Message;

/**
 * Something that happened to an account's money, published to whoever listens (the audit log).
 * @param account the account id
 * @param kind what happened, e.g. {@code DEPOSIT}, {@code TRANSFER_OUT}
 * @param amount the amount in cents
 * @param reference a transfer id or the other account, or an empty string
 * @param epochMillis when
 */
public record AuditEvent(String account, String kind, long amount, String reference, long epochMillis)
		implements Message {
}
