package com.civilsafety.api;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.ComponentScan;

/**
 * The web layer alone, for slice tests (@WebMvcTest): this module's controllers, filters and security, with the
 * ledger and the engine mocked. The application itself is assembled in the app module.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@ComponentScan
public class ApiSliceApplication {
}
