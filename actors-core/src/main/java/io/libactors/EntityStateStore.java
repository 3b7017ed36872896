package io.libactors;

import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

/**
 * Where the states of entities that are {@link StatefulActor}s are kept between activations:
 * {@link #save} when an activation ends, {@link #load} before the next one's
 * {@link StatefulActor#restore restore}. The default keeps them in memory, for the life of the
 * core. Both are called inside the entity's turn, one at a time per entity (an activation never
 * starts before the previous one has saved); implementations must be thread-safe across entities.
 */
public interface EntityStateStore {

	/**
	 * The last state saved for the entity, or {@code null} if it never had one.
	 * @param template the entity's template name
	 * @param id the entity's id
	 * @param stateType the class its {@code state()} declares (a store that serializes reads it as this)
	 * @return the state or {@code null}
	 */
	@Nullable Object load(String template, String id, Class<?> stateType);

	/**
	 * Keeps the state an activation ended with, replacing the one before.
	 * @param template the entity's template name
	 * @param id the entity's id
	 * @param state what {@link StatefulActor#state()} returned; never {@code null}
	 */
	void save(String template, String id, Object state);

	/** A store in memory, for the life of the core that uses it. */
	static EntityStateStore inMemory() {
		ConcurrentHashMap<String, Object> states = new ConcurrentHashMap<>();
		return new EntityStateStore() {

			@Override
			public @Nullable Object load(String template, String id, Class<?> stateType) {
				return states.get(template + '/' + id);
			}

			@Override
			public void save(String template, String id, Object state) {
				states.put(template + '/' + id, state);
			}

		};
	}

}
