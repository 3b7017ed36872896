package io.libactors.demo;

import io.libactors.Core;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest
@ExtendWith(OutputCaptureExtension.class)
class DemoApplicationTests {

	@Autowired
	private Core core;

	@Test
	void depositsFromManyThreadsAddUpExactly(CapturedOutput output) {
		assertThat(output).contains("total balance 1000000 (expected 1000000)");
		assertThat(this.core.deadLetterCount()).isZero();
		assertThat(this.core.actors()).hasSize(100);
	}

}
