package com.civilsafety.api.process;

import com.civilsafety.ledger.common.InvalidInputException;
import com.civilsafety.processes.check.ModelCheck;
import io.camunda.client.annotation.JobWorker;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.http.MediaType;
import org.springframework.util.ClassUtils;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * 校验流程模型: checks a BPMN document before anyone deploys it ({@link ModelCheck}: Zeebe's own validation, our
 * conventions, timers, job types, deadlines). The job types are those the workers of this platform serve.
 */
@RestController
class ModelCheckController {
    static final int MAX_MODEL_CHARS = 2_000_000;

    record CheckResult(boolean valid, List<ModelCheck.Finding> findings) {
    }

    private final ConfigurableListableBeanFactory beans;
    private volatile ModelCheck check;

    ModelCheckController(ConfigurableListableBeanFactory beans) {
        this.beans = beans;
    }

    @PostMapping(value = "/api/process-models/check",
            consumes = {MediaType.APPLICATION_XML_VALUE, MediaType.TEXT_XML_VALUE, MediaType.TEXT_PLAIN_VALUE})
    CheckResult check(@RequestBody(required = false) String xml) {
        if (xml == null || xml.isBlank()) {
            throw new InvalidInputException("body", "请提交 BPMN 文件内容（XML）");
        }
        if (xml.length() > MAX_MODEL_CHARS) {
            throw new InvalidInputException("body", "BPMN 文件过大（上限 " + MAX_MODEL_CHARS / 1_000_000 + " 百万字符）");
        }
        List<ModelCheck.Finding> findings = modelCheck().check(xml);
        return new CheckResult(findings.isEmpty(), findings);
    }

    /** The job types the workers of this platform serve (their {@link JobWorker} methods), found once. */
    Set<String> jobTypes() {
        Set<String> types = new TreeSet<>();
        for (String name : beans.getBeanDefinitionNames()) {
            Class<?> type = beans.getType(name, false);
            if (type == null) {
                continue;
            }
            for (Method method : ClassUtils.getUserClass(type).getDeclaredMethods()) {
                JobWorker worker = method.getAnnotation(JobWorker.class);
                if (worker != null) {
                    types.add(worker.type().isEmpty() ? method.getName() : worker.type());
                }
            }
        }
        return types;
    }

    private ModelCheck modelCheck() {
        ModelCheck current = check;
        if (current == null) {
            current = new ModelCheck(jobTypes());
            check = current;
        }
        return current;
    }
}
