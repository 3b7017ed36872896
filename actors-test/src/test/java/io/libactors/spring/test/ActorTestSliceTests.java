package io.libactors.spring.test;

import java.time.Duration;

import io.libactors.Core;
import io.libactors.test.TestClock;
import io.libactors.test.TestProbe;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** The slice starts the named actors only, and their timers run on its clock. */
@ActorTest(value = Reminder.class, properties = "actors.ask-timeout=7s")
class ActorTestSliceTests {

	@Autowired
	private Core core;

	@Autowired
	private TestClock clock;

	@Autowired
	private ApplicationContext context;

	@Test
	void onlyTheNamedActorsStartAndOtherComponentsStayOut() {
		assertThat(this.core.find("reminder")).isPresent();
		assertThat(this.core.find("bystander")).isEmpty();
		assertThat(this.context.getBeanNamesForType(UnrelatedService.class)).isEmpty();
		assertThat(this.context.getEnvironment().getProperty("actors.ask-timeout")).isEqualTo("7s");
		// Boot's JSON support, whose customizers the actors' mapper is built with
		assertThat(this.context.getBeanNamesForType(JsonMapper.class)).isNotEmpty();
	}

	@Test
	void theActorsTimersRunOnTheSlicesClock() {
		TestProbe probe = TestProbe.create(this.core);
		// queued before the clock moves, so before the tick
		this.core.find("reminder").orElseThrow().tell(new Reminder.Watch(probe.proxy().name()));
		this.clock.advance(Duration.ofHours(1));
		probe.expectMessage(Reminder.Remind.class);
	}

}
