package com.civilsafety;

import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
class WorkersTestApplication {
}
