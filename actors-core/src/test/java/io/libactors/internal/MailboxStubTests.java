package io.libactors.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An idle mailbox holds no taken node: a turn that takes everything makes the mailbox its own
 * stub again, and the mail that comes next is taken from there, numbered on. (Races with senders
 * at that moment are explored by the Lincheck and jcstress checks.)
 */
class MailboxStubTests {

	@Test
	void aTurnThatTakesEverythingLeavesTheMailboxItsOwnStub() {
		RecordingMailbox mailbox = new RecordingMailbox(0, 100);
		mailbox.send(1);
		mailbox.send(2);
		mailbox.runOwedTurn();
		assertThat(mailbox.head()).isSameAs(mailbox);
		assertThat(mailbox.next()).isNull();
		assertThat(mailbox.isQuiet()).isTrue();
		mailbox.send(3);
		assertThat(mailbox.turnOwed()).isTrue();
		mailbox.runOwedTurn();
		assertThat(mailbox.taken).containsExactly(1, 2, 3);
		assertThat(mailbox.takenCount()).isEqualTo(3);
		assertThat(mailbox.head()).isSameAs(mailbox);
	}

	@Test
	void aTurnThatLeavesMailKeepsItsStubAndOwesAnotherTurn() {
		RecordingMailbox mailbox = new RecordingMailbox(0, 2);
		for (int n = 1; n <= 3; n++) {
			mailbox.send(n);
		}
		mailbox.runOwedTurn();
		assertThat(mailbox.head()).isNotSameAs(mailbox);
		assertThat(mailbox.turnOwed()).isTrue();
		assertThat(mailbox.size()).isEqualTo(1);
		mailbox.runOwedTurn();
		assertThat(mailbox.taken).containsExactly(1, 2, 3);
		assertThat(mailbox.head()).isSameAs(mailbox);
		assertThat(mailbox.turnOwed()).isFalse();
	}

	@Test
	void aBoundedMailboxCountsOnAcrossItsOwnStub() {
		RecordingMailbox mailbox = new RecordingMailbox(2, 100);
		assertThat(mailbox.send(1)).isTrue();
		assertThat(mailbox.send(2)).isTrue();
		assertThat(mailbox.send(3)).isFalse();
		mailbox.runOwedTurn();
		assertThat(mailbox.head()).isSameAs(mailbox);
		assertThat(mailbox.send(4)).isTrue();
		assertThat(mailbox.send(5)).isTrue();
		assertThat(mailbox.send(6)).isFalse();
		mailbox.drain();
		assertThat(mailbox.taken).containsExactly(1, 2, 4, 5);
	}

}
