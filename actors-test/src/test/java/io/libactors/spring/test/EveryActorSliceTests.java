package io.libactors.spring.test;

import io.libactors.Core;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** A slice that names no actor starts every {@code @ActorComponent}, and still no other component. */
@ActorTest
class EveryActorSliceTests {

	@Autowired
	private Core core;

	@Autowired(required = false)
	private UnrelatedService unrelated;

	@Test
	void everyActorStartsAndOtherComponentsStayOut() {
		assertThat(this.core.find("reminder")).isPresent();
		assertThat(this.core.find("bystander")).isPresent();
		assertThat(this.unrelated).isNull();
	}

}
