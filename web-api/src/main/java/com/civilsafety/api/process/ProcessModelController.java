package com.civilsafety.api.process;

import com.civilsafety.ledger.common.NotFoundException;
import com.civilsafety.ledger.job.ProcessProjection;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.instance.Process;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
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

    record Monitor(String name, String bpmnProcessId, List<ProcessProjection.ElementCounts> elements, String operateUrl) {
    }

    private final ProcessProjection projection;
    private final String operateUrl;

    ProcessModelController(ProcessProjection projection, @Value("${civil-safety.operate.url:}") String operateUrl) {
        this.projection = projection;
        this.operateUrl = operateUrl.isBlank() ? null : operateUrl;
    }

    @GetMapping(value = "/api/process-models/{name}", produces = MediaType.APPLICATION_XML_VALUE)
    ResponseEntity<String> model(@PathVariable String name) throws IOException {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML).body(read(name));
    }

    /** 流程监控: per element, how many steps the ledger recorded there and how many people's tasks wait there now. */
    @GetMapping("/api/process-models/{name}/monitor")
    Monitor monitor(@PathVariable String name) throws IOException {
        String xml = read(name);
        String processId = Bpmn.readModelFromStream(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)))
                .getModelElementsByType(Process.class).iterator().next().getId();
        return new Monitor(name, processId, projection.of(processId), operateUrl);
    }

    private static String read(String name) throws IOException {
        ClassPathResource model = new ClassPathResource("processes/" + name + ".bpmn");
        if (!NAME.matcher(name).matches() || !model.exists()) {
            throw new NotFoundException("没有名为 " + name + " 的流程模型");
        }
        return model.getContentAsString(StandardCharsets.UTF_8);
    }
}
