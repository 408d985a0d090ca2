package com.civilsafety.api.incident;

import com.civilsafety.api.operate.OperateLinks;
import com.civilsafety.api.security.ActorUser;
import com.civilsafety.engine.command.IncidentRetries;
import com.civilsafety.engine.model.ProcessModels;
import com.civilsafety.engine.state.EngineInstances;
import com.civilsafety.ledger.common.ConflictException;
import com.civilsafety.ledger.common.NotFoundException;
import com.civilsafety.ledger.job.JobIncident;
import com.civilsafety.ledger.job.JobIncidents;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * 流程故障: jobs that ran out of retries (workers report them) and, on the embedded engine, incidents the engine
 * raised itself, each with its step's name and error; after the cause is fixed an administrator retries one, and the
 * engine runs the step again. In remote mode the retry is done in Operate.
 */
@RestController
class IncidentController {

    /** {@code elementName}: the step as the diagram names it; {@code engineRaised}: no job, the engine's own (jobType: its error type) */
    record Incident(long id, String jobType, String bpmnProcessId, String elementId, String elementName, long processInstanceKey,
                    long jobKey, String error, Instant occurredAt, String status, int occurrences, boolean engineRaised) {
    }

    private final JobIncidents incidents;
    private final IncidentRetries retries;
    private final ProcessModels models;
    private final Optional<EngineInstances> engineInstances;
    private final OperateLinks operate;

    IncidentController(JobIncidents incidents, IncidentRetries retries, ProcessModels models,
                       Optional<EngineInstances> engineInstances, OperateLinks operate) {
        this.incidents = incidents;
        this.retries = retries;
        this.models = models;
        this.engineInstances = engineInstances;
        this.operate = operate;
    }

    @GetMapping("/api/admin/incidents")
    List<Incident> open() {
        Map<String, Map<String, String>> names = new HashMap<>();
        return incidents.open().stream().map(i -> of(i, names)).toList();
    }

    /**
     * an incident with its step's Chinese name: from its process's current model, or for a process the platform does
     * not ship from the engine's own definition; the id only if neither names it
     */
    private Incident of(JobIncident i, Map<String, Map<String, String>> names) {
        Map<String, String> ofProcess = i.getBpmnProcessId() == null ? Map.of() : names.computeIfAbsent(i.getBpmnProcessId(), id -> {
            try {
                return models.elementNames(models.nameOf(id));
            } catch (NotFoundException notOurs) {
                return engineInstances.map(e -> e.elementNames(id, 0)).orElse(Map.of()); // read once per process and list
            }
        });
        String name = i.getElementId() == null ? null : ofProcess.getOrDefault(i.getElementId(), i.getElementId());
        return new Incident(i.getId(), i.getJobType(), i.getBpmnProcessId(), i.getElementId(), name, i.getProcessInstanceKey(),
                i.getJobKey(), i.getError(), i.getOccurredAt(), i.getStatus().name(), i.getOccurrences(), i.isEngineRaised());
    }

    @PostMapping("/api/admin/incidents/{id}/retry")
    Incident retry(@PathVariable long id, @AuthenticationPrincipal ActorUser user) {
        if (!retries.available()) {
            throw new ConflictException("远程集群的故障请在 Operate 中重试"
                    + operate.pointer(operate.instance(incidents.get(id).getProcessInstanceKey())));
        }
        return of(retries.retry(id, user.actor()), new HashMap<>());
    }
}
