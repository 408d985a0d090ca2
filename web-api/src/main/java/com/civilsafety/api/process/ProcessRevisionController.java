package com.civilsafety.api.process;

import com.civilsafety.api.security.ActorUser;
import com.civilsafety.engine.model.ProcessModelDeployments;
import com.civilsafety.ledger.processmodel.ProcessModelRevision;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * 部署新版本 and 迁移运行中实例: an administrator deploys a revised model (checked first, refused with its findings) and
 * then moves the running instances to it with the element mapping they confirmed.
 */
@RestController
class ProcessRevisionController {
    record DeploymentRequest(String bpmnXml, String comment) {
    }

    /**
     * the confirmed mapping of each revision instances are on ({@code mapping} alone: the previous revision's), and
     * the instances to move ({@code instances} absent: all)
     */
    record MigrationRequest(Map<String, String> mapping, Map<Integer, Map<String, String>> mappings, Set<Long> instances) {
    }

    record RevisionSummary(int revision, int engineVersion, String comment, long deployedBy, Instant deployedAt) {
    }

    private final ProcessModelDeployments deployments;

    ProcessRevisionController(ProcessModelDeployments deployments) {
        this.deployments = deployments;
    }

    @PostMapping("/api/process-models/{name}/deployments")
    @ResponseStatus(HttpStatus.CREATED)
    ProcessModelDeployments.Deployed deploy(@PathVariable String name, @RequestBody DeploymentRequest body,
                                            @AuthenticationPrincipal ActorUser user) {
        return deployments.deploy(name, body.bpmnXml(), body.comment(), user.actor());
    }

    @GetMapping("/api/process-models/{name}/deployments")
    List<RevisionSummary> history(@PathVariable String name) {
        return deployments.history(name).stream().map(ProcessRevisionController::summary).toList();
    }

    @GetMapping("/api/process-models/{name}/migration-plan")
    ProcessModelDeployments.MigrationPlan plan(@PathVariable String name) {
        return deployments.plan(name);
    }

    @PostMapping("/api/process-models/{name}/migrations")
    ProcessModelDeployments.MigrationResult migrate(@PathVariable String name, @RequestBody MigrationRequest body) {
        return deployments.migrate(name, body.mapping(), body.mappings(), body.instances());
    }

    private static RevisionSummary summary(ProcessModelRevision r) {
        return new RevisionSummary(r.getRevision(), r.getEngineVersion(), r.getComment(), r.getDeployedBy(), r.getDeployedAt());
    }
}
