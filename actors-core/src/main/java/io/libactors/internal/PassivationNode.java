package io.libactors.internal;

/**
 * Asks an idle entity's turn to passivate: it closes its mailbox and ends, unless mail came
 * since the {@link Entities} sweep saw it idle.
 */
final class PassivationNode extends Node {

	PassivationNode() {
		super(null, null, null, null);
	}

}
