/**
 * What the runtime lets others observe: each handler's counts and durations, the chain of
 * monitors, an actor's states to its subscribers, and rate-limited logging. Not API: other
 * modules and applications use {@code io.libactors} only, and anything here may change
 * without notice.
 */
@NullMarked
package io.libactors.internal.observe;

import org.jspecify.annotations.NullMarked;
