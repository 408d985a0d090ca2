package com.civilsafety.api.incident;

import com.civilsafety.engine.state.EngineIncidents;
import com.civilsafety.engine.command.ProcessCommands;
import com.civilsafety.api.security.ActorUser;
import com.civilsafety.ledger.common.ConflictException;
import com.civilsafety.ledger.job.JobIncident;
import com.civilsafety.ledger.job.JobIncidents;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * 流程故障: jobs that ran out of retries (workers report them), with their error; after the cause is fixed an
 * administrator retries one, and the engine runs the step again. In remote mode the retry is done in Operate.
 */
@RestController
class IncidentController {

    record Incident(long id, String jobType, String bpmnProcessId, String elementId, long processInstanceKey,
                    long jobKey, String error, Instant occurredAt, String status, int occurrences) {
        static Incident of(JobIncident i) {
            return new Incident(i.getId(), i.getJobType(), i.getBpmnProcessId(), i.getElementId(),
                    i.getProcessInstanceKey(), i.getJobKey(), i.getError(), i.getOccurredAt(), i.getStatus().name(),
                    i.getOccurrences());
        }
    }

    private final JobIncidents incidents;
    private final ProcessCommands commands;
    private final ObjectProvider<EngineIncidents> engineIncidents;
    private final String operateUrl;

    IncidentController(JobIncidents incidents, ProcessCommands commands, ObjectProvider<EngineIncidents> engineIncidents,
                       @Value("${civil-safety.operate.url:}") String operateUrl) {
        this.incidents = incidents;
        this.commands = commands;
        this.engineIncidents = engineIncidents;
        this.operateUrl = operateUrl;
    }

    @GetMapping("/api/admin/incidents")
    List<Incident> open() {
        return incidents.open().stream().map(Incident::of).toList();
    }

    @PostMapping("/api/admin/incidents/{id}/retry")
    Incident retry(@PathVariable long id, @AuthenticationPrincipal ActorUser user) {
        JobIncident incident = incidents.openIncident(id);
        EngineIncidents engine = engineIncidents.getIfAvailable();
        if (engine == null) {
            throw new ConflictException("远程集群的故障请在 Operate 中重试" + (operateUrl.isBlank() ? "" : "：" + operateUrl));
        }
        Optional<Long> incidentKey = engine.openIncidentOfJob(incident.getJobKey());
        if (incidentKey.isEmpty()) {
            throw new ConflictException("引擎中已没有这个故障（可能已被处理）");
        }
        incidents.resolved(id, user.actor()); // first: the retried job may fail for good again at once
        try {
            commands.retryJob(incident.getJobKey(), incidentKey.get());
        } catch (RuntimeException e) {
            incidents.retryRefused(id);
            throw e;
        }
        return Incident.of(incidents.get(id));
    }
}
