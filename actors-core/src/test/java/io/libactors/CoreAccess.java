package io.libactors;

import io.libactors.internal.Kernel;

/** For the runtime's own tests in other packages: the runtime behind a core. */
public final class CoreAccess {

	private CoreAccess() {
	}

	public static Kernel kernel(Core core) {
		return core.kernel();
	}

}
