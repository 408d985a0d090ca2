package com.civilsafety.api.process;

import com.civilsafety.ledger.common.NotFoundException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The BPMN models the platform deploys (processes module, {@code processes/*.bpmn}), as XML for the UI's diagrams:
 * a hazard's or campaign's position is shown on the model it runs.
 */
@RestController
class ProcessModelController {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z-]{1,63}");

    @GetMapping(value = "/api/process-models/{name}", produces = MediaType.APPLICATION_XML_VALUE)
    ResponseEntity<String> model(@PathVariable String name) throws IOException {
        ClassPathResource model = new ClassPathResource("processes/" + name + ".bpmn");
        if (!NAME.matcher(name).matches() || !model.exists()) {
            throw new NotFoundException("没有名为 " + name + " 的流程模型");
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML)
                .body(model.getContentAsString(StandardCharsets.UTF_8));
    }
}
