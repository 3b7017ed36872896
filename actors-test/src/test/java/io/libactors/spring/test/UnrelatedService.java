package io.libactors.spring.test;

import org.springframework.stereotype.Component;

/** A component of the application that is no actor: the slice leaves it out. */
@Component
class UnrelatedService {

}
