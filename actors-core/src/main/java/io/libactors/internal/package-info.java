/**
 * The runtime behind {@link io.libactors.Core}: cells and their mailboxes, the turn, holds,
 * dispatch, the registry, handler tables, timers and asks. Not API: other modules and
 * applications use {@code io.libactors} only, and anything here may change without notice.
 */
@NullMarked
package io.libactors.internal;

import org.jspecify.annotations.NullMarked;
