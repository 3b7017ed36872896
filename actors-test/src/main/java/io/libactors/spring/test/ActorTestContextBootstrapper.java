package io.libactors.spring.test;

import org.springframework.boot.test.autoconfigure.TestSliceTestContextBootstrapper;

/** Reads {@link ActorTest#properties()} into the test's environment. */
class ActorTestContextBootstrapper extends TestSliceTestContextBootstrapper<ActorTest> {

}
