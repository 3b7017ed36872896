package io.libactors.spring.boot.autoconfigure;

import io.libactors.Core;

/**
 * Customizes the {@link Core.Builder} of the auto-configured core after the {@code actors.*}
 * properties are applied, in bean order: the way to set what has no property (a test clock,
 * say). Called once, on the thread that creates the core.
 */
@FunctionalInterface
public interface ActorsCoreBuilderCustomizer {

	void customize(Core.Builder builder);

}
