package io.libactors.demo;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.libactors.ActorProxy;
import io.libactors.Core;
import io.libactors.demo.account.AuditEvent;
import io.libactors.demo.audit.AuditLog.AuditPage;
import io.libactors.demo.audit.AuditLog.GetAudit;
import io.libactors.demo.audit.DeadLetterWatcher;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The audit log watches the actor that returns undeliverable money, and records it if it stops. */
@SpringBootTest(properties = { "bank.load.on-start=false", "bank.statement-interval=1h" })
class AuditWatchTests {

	@Autowired
	private Core core;

	@Autowired
	private ActorProxy<DeadLetterWatcher> deadLetterWatcher;

	@Test
	void theAuditRecordsThatTheDeadLetterWatcherStopped() throws Exception {
		this.deadLetterWatcher.stop().get(30, TimeUnit.SECONDS);
		ActorProxy<?> audit = this.core.find("audit-log").orElseThrow();
		await().atMost(Duration.ofSeconds(30))
			.until(() -> audit.ask(new GetAudit("", 10), AuditPage.class).get(30, TimeUnit.SECONDS).events().size() == 1);
		AuditEvent stopped = audit.ask(new GetAudit("", 10), AuditPage.class).get(30, TimeUnit.SECONDS).events().get(0);
		assertThat(stopped.kind()).isEqualTo("COMPONENT_STOPPED");
		assertThat(stopped.reference()).isEqualTo(DeadLetterWatcher.NAME);
	}

}
