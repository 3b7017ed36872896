/**
 * Testing actors: {@link io.libactors.test.ActorTestKit}, a core whose time moves only when the
 * test moves its {@link io.libactors.test.TestClock}, and {@link io.libactors.test.TestProbe}s.
 */
@NullMarked
package io.libactors.test;

import org.jspecify.annotations.NullMarked;
