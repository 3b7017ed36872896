package io.libactors.spring.test;

import io.libactors.Actor;
import io.libactors.spring.ActorComponent;

/** An actor of the application that a slice test does not name. */
@ActorComponent("bystander")
class Bystander implements Actor {

}
