package io.libactors;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Jackson's polymorphic "gadget" attacks need class names on the wire: no main source of any
 * module turns on default typing or class-name type ids (message types travel by logical name).
 */
class NoClassNamesInJsonTests {

	private static final Pattern CLASS_NAME_TYPING = Pattern
		.compile("activateDefaultTyping|enableDefaultTyping|DefaultTyping\\.|Id\\.CLASS|Id\\.MINIMAL_CLASS");

	@Test
	void noMainSourceTurnsOnDefaultTypingOrClassNameTypeIds() throws IOException {
		Path repository = Path.of("").toAbsolutePath().getParent();
		List<Path> sources;
		try (Stream<Path> files = Files.walk(repository)) {
			sources = files.filter((file) -> file.toString().endsWith(".java"))
				.filter((file) -> file.toString().contains("/src/main/java/"))
				.toList();
		}
		assertThat(sources).as("main sources under %s", repository)
			.anyMatch((file) -> file.endsWith("EnvelopeCodec.java"))
			.anyMatch((file) -> file.toString().contains("actors-spring-boot-autoconfigure"));
		assertThat(sources).noneMatch((file) -> CLASS_NAME_TYPING.matcher(read(file)).find());
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
