package com.civilsafety.api.process;

import com.civilsafety.engine.model.ProcessModelCheck;
import com.civilsafety.processes.check.ModelCheck;
import java.util.List;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * 校验流程模型: checks a BPMN document before anyone deploys it ({@link ModelCheck}: Zeebe's own validation, our
 * conventions, timers, job types, deadlines, each process's variables) and publishes each process's variables.
 */
@RestController
class ModelCheckController {
    record CheckResult(boolean valid, List<ModelCheck.Finding> findings) {
    }

    private final ProcessModelCheck check;

    ModelCheckController(ProcessModelCheck check) {
        this.check = check;
    }

    @PostMapping(value = "/api/process-models/check",
            consumes = {MediaType.APPLICATION_XML_VALUE, MediaType.TEXT_XML_VALUE, MediaType.TEXT_PLAIN_VALUE})
    CheckResult check(@RequestBody(required = false) String xml) {
        List<ModelCheck.Finding> findings = check.check("body", xml);
        return new CheckResult(findings.isEmpty(), findings);
    }

    /** 流程变量: the variables a model's expressions may read (its process's catalogue), for the modeler's hints. */
    @GetMapping("/api/process-models/{name}/variables")
    Set<String> variables(@PathVariable String name) {
        return check.catalogue(name);
    }
}
