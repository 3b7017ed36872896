package io.libactors.spring.test;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The application the slice tests find, as a real one would have. */
@SpringBootApplication
class SliceTestApplication {

}
