package com.civilsafety.engine.model;

import com.civilsafety.processes.check.ModelCheck;
import java.util.List;

/** A model that did not pass its check is not deployed; the findings say which element is wrong and why. */
public class ModelRejectedException extends RuntimeException {
    private final transient List<ModelCheck.Finding> findings;

    ModelRejectedException(List<ModelCheck.Finding> findings) {
        super("流程模型未通过校验，未部署（" + findings.size() + " 个问题）");
        this.findings = List.copyOf(findings);
    }

    public List<ModelCheck.Finding> findings() {
        return findings;
    }
}
