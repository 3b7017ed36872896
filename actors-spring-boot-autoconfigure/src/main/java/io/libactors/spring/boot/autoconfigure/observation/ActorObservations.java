package io.libactors.spring.boot.autoconfigure.observation;

import io.libactors.ActorProxy;
import io.libactors.MessageTracer;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

/**
 * A Micrometer {@link Observation} named {@code actors.message} around each handled message,
 * child of the observation that was current where the message was sent: a trace that starts
 * at an HTTP request flows through {@code tell} and {@code ask} from actor to actor. Low
 * cardinality keys: {@code actor} (the template's name for actors made from one) and
 * {@code message}. Thread-safe.
 */
public class ActorObservations implements MessageTracer {

	/** The observation's name. */
	public static final String NAME = "actors.message";

	private final ObservationRegistry registry;

	public ActorObservations(ObservationRegistry registry) {
		this.registry = registry;
	}

	@Override
	public @Nullable Object capture() {
		return this.registry.getCurrentObservation();
	}

	@Override
	public Handling start(@Nullable Object parent, ActorProxy<?> actor, @Nullable String template,
			Class<?> messageType) {
		String message = messageType.getSimpleName();
		Observation observation = Observation.createNotStarted(NAME, this.registry)
			.contextualName(actor.name() + " " + message)
			.lowCardinalityKeyValue("actor", (template != null) ? template : actor.name())
			.lowCardinalityKeyValue("message", message)
			.parentObservation((Observation) parent)
			.start();
		Observation.Scope scope = observation.openScope();
		return new Handling() {

			@Override
			public void detach() {
				scope.close();
			}

			@Override
			public void end(@Nullable Throwable error) {
				if (error != null) {
					observation.error(error);
				}
				observation.stop();
				// Handlers have read the parent by now. Letting go of it keeps a conversation
				// between actors (each message the child of the last) from holding its whole
				// history in memory.
				observation.getContext().setParentObservation(null);
			}

		};
	}

}
