package com.civilsafety.api.process;

import com.civilsafety.engine.command.ProcessCommands;
import com.civilsafety.engine.model.ProcessModels;
import com.civilsafety.ledger.job.ProcessProjection;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The BPMN models the platform deploys, each in its current revision, as XML for the UI's diagrams: a hazard's or
 * campaign's position is shown on the model it runs.
 */
@RestController
class ProcessModelController {
    record Monitor(String name, String bpmnProcessId, int revision, List<ProcessProjection.ElementCounts> elements, String operateUrl) {
    }

    private final ProcessModels models;
    private final ProcessProjection projection;
    private final String operateUrl;

    ProcessModelController(ProcessModels models, ProcessProjection projection,
                           @Value("${civil-safety.operate.url:}") String operateUrl) {
        this.models = models;
        this.projection = projection;
        this.operateUrl = operateUrl.isBlank() ? null : operateUrl;
    }

    /**
     * A model in its current revision, or in the one asked for ({@code revision=1}: the shipped file) — to open it in
     * the modeler and deploy it again, which is how a revision is rolled back. Its number in the header
     * {@code X-Model-Revision}.
     */
    @GetMapping(value = "/api/process-models/{name}", produces = MediaType.APPLICATION_XML_VALUE)
    ResponseEntity<String> model(@PathVariable String name, @RequestParam(required = false) Integer revision) {
        ProcessModels.Model model = revision == null ? models.current(name) : models.revision(name, revision);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML)
                .header("X-Model-Revision", Integer.toString(model.revision())).body(model.xml());
    }

    /** 流程监控: per element, how many steps the ledger recorded there and how many people's tasks wait there now. */
    @GetMapping("/api/process-models/{name}/monitor")
    Monitor monitor(@PathVariable String name) {
        ProcessModels.Model model = models.current(name);
        return new Monitor(name, model.bpmnProcessId(), model.revision(), projection.of(model.bpmnProcessId(),
                ProcessCommands.taskSubjectOf(model.bpmnProcessId())), operateUrl);
    }
}
