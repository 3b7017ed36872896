package io.libactors.demo.audit;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.libactors.ActorProxy;
import io.libactors.Core;
import io.libactors.demo.account.AuditEvent;
import io.libactors.spring.test.ActorTest;
import io.libactors.test.TestClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The audit log alone, on the test kit's clock: its statement minute passes in no time. */
@ActorTest(AuditLog.class)
@ExtendWith(OutputCaptureExtension.class)
class AuditLogTests {

	@Autowired
	private Core core;

	@Autowired
	private TestClock clock;

	@Test
	void aStatementCountingEveryEventIsWrittenEachMinute(CapturedOutput output) throws Exception {
		this.core.publish(new AuditEvent("alice", "deposit", 100, "r-1", 0));
		this.core.publish(new AuditEvent("bob", "deposit", 50, "r-2", 0));
		ActorProxy<?> audit = this.core.find("audit-log").orElseThrow();
		AuditLog.AuditPage page = audit.ask(new AuditLog.GetAudit("alice", 10), AuditLog.AuditPage.class)
			.get(30, TimeUnit.SECONDS);
		assertThat(page.events()).extracting(AuditEvent::reference).containsExactly("r-1");
		assertThat(output).doesNotContain("Statement:");
		this.clock.advance(Duration.ofMinutes(1));
		await().atMost(Duration.ofSeconds(30)).until(() -> output.getOut().contains("Statement: {deposit=2}"));
	}

}
