package com.civilsafety.api.process;

import com.civilsafety.engine.rebuild.ProcessRebuild;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** 从台账重建流程实例 (county administrator): what the embedded engine does at start-up, on demand. */
@RestController
class ProcessRebuildController {
    private final ProcessRebuild rebuild;

    ProcessRebuildController(ProcessRebuild rebuild) {
        this.rebuild = rebuild;
    }

    @PostMapping("/api/admin/process-instances/rebuild")
    ProcessRebuild.Report rebuild() {
        return rebuild.rebuild();
    }
}
