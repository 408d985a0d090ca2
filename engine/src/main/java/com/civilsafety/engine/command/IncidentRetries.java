package com.civilsafety.engine.command;

import com.civilsafety.engine.state.EngineIncidents;
import com.civilsafety.ledger.access.Actor;
import com.civilsafety.ledger.common.ConflictException;
import com.civilsafety.ledger.job.JobIncident;
import com.civilsafety.ledger.job.JobIncidents;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * After the cause of a step's failure is fixed, the engine runs it again: a job given retries and its incident
 * resolved, or an incident the engine raised itself resolved. The incident's key, which no gRPC command returns, is
 * read from the embedded engine; on a cluster incidents are retried in Operate.
 */
@Service
public class IncidentRetries {
    /** of one instance: the incidents retried, and those the engine no longer held or refused, with why */
    public record Retried(long processInstanceKey, List<Long> retried, List<String> refused) {
    }

    private final JobIncidents incidents;
    private final ProcessCommands commands;
    private final ObjectProvider<EngineIncidents> engineIncidents;

    IncidentRetries(JobIncidents incidents, ProcessCommands commands, ObjectProvider<EngineIncidents> engineIncidents) {
        this.incidents = incidents;
        this.commands = commands;
        this.engineIncidents = engineIncidents;
    }

    /** whether incidents can be retried here (the embedded engine); on a cluster, in Operate */
    public boolean available() {
        return engineIncidents.getIfAvailable() != null;
    }

    /** One incident, by its ledger id. */
    public JobIncident retry(long incidentId, Actor actor) {
        JobIncident incident = incidents.openIncident(incidentId);
        EngineIncidents engine = engineIncidents.getIfAvailable();
        if (engine == null) {
            throw new IllegalStateException("no embedded engine: incidents are retried in Operate");
        }
        // an engine-raised incident's key is its own; a job's incident is found by the job
        Optional<Long> incidentKey = incident.isEngineRaised()
                ? Optional.of(incident.getJobKey()).filter(engine::isOpen) : engine.openIncidentOfJob(incident.getJobKey());
        if (incidentKey.isEmpty()) {
            throw new ConflictException("引擎中已没有这个故障（可能已被处理）");
        }
        incidents.resolved(incidentId, actor); // first: the retried step may fail for good again at once
        try {
            if (incident.isEngineRaised()) {
                commands.resolveIncident(incidentKey.get());
            } else {
                commands.retryJob(incident.getJobKey(), incidentKey.get());
            }
        } catch (RuntimeException e) {
            incidents.retryRefused(incidentId);
            throw e;
        }
        return incidents.get(incidentId);
    }

    /** Every open incident of these instances; an instance with none is left out of the answer. */
    public List<Retried> retryInstances(Collection<Long> processInstanceKeys, Actor actor) {
        List<Retried> outcome = new ArrayList<>();
        for (long key : processInstanceKeys) {
            List<JobIncident> open = incidents.openOf(key);
            if (open.isEmpty()) {
                continue;
            }
            List<Long> retried = new ArrayList<>();
            List<String> refused = new ArrayList<>();
            for (JobIncident incident : open) {
                try {
                    retried.add(retry(incident.getId(), actor).getId());
                } catch (ConflictException | EngineUnavailableException e) {
                    refused.add(e.getMessage());
                }
            }
            outcome.add(new Retried(key, retried, refused));
        }
        return outcome;
    }
}
