package com.civilsafety.app.slice;

import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HazardSliceH2Test extends HazardSliceContract {
}
