package io.libactors.spring.boot.autoconfigure.dashboard;

import org.jspecify.annotations.Nullable;
import org.springframework.aot.hint.BindingReflectionHintsRegistrar;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;

/** What a native image keeps for the dashboard: its page, scripts and styles, and its data's JSON. */
class DashboardRuntimeHints implements RuntimeHintsRegistrar {

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		hints.resources().registerPattern("META-INF/libactors/dashboard/**");
		new BindingReflectionHintsRegistrar().registerReflectionHints(hints.reflection(), DashboardHistory.Point.class);
	}

}
