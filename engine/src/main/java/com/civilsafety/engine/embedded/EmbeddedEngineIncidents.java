package com.civilsafety.engine.embedded;

import com.civilsafety.engine.state.EngineIncidents;
import com.civilsafety.ledger.job.JobIncidents;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.IncidentIntent;
import io.camunda.zeebe.protocol.record.value.IncidentRecordValue;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The embedded engine's incidents, read from its own record stream (it has no Operate and no REST API): the key of a
 * job's incident, to retry it; and the incidents the engine raises itself, without a job (a condition no flow
 * matches, a decision it cannot call, a mapping that fails), put on the platform's list (流程故障) as they appear.
 */
@Component
@ConditionalOnBean(ZeebeTestEngine.class)
class EmbeddedEngineIncidents implements EngineIncidents {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedEngineIncidents.class);

    private final ZeebeTestEngine engine;
    private final JobIncidents incidents;
    /** how many records of the stream the scan has read */
    private int scanned;

    EmbeddedEngineIncidents(ZeebeTestEngine engine, JobIncidents incidents) {
        this.engine = engine;
        this.incidents = incidents;
    }

    @Override
    public Optional<Long> openIncidentOfJob(long jobKey) {
        Long created = null;
        Set<Long> resolved = new HashSet<>();
        for (Record<?> record : EngineRecords.now(engine)) {
            if (!(incidentEvent(record) instanceof IncidentRecordValue incident) || incident.getJobKey() != jobKey) {
                continue;
            }
            if (record.getIntent() == IncidentIntent.CREATED) {
                created = record.getKey();
            } else if (record.getIntent() == IncidentIntent.RESOLVED) {
                resolved.add(record.getKey());
            }
        }
        return created == null || resolved.contains(created) ? Optional.empty() : Optional.of(created);
    }

    @Override
    public boolean isOpen(long incidentKey) {
        boolean created = false;
        for (Record<?> record : EngineRecords.now(engine)) {
            if (incidentEvent(record) != null && record.getKey() == incidentKey) {
                created = record.getIntent() == IncidentIntent.CREATED;
            }
        }
        return created;
    }

    /**
     * Records the incidents the engine raised without a job since the last pass (jobs' incidents are recorded by
     * their workers). While the ledger cannot be written, the pass stops and the next one starts from there.
     */
    @Scheduled(fixedDelayString = "${civil-safety.engine.incident-scan:PT10S}",
            initialDelayString = "${civil-safety.engine.incident-scan:PT10S}")
    synchronized void recordRaised() {
        List<Record<?>> records = EngineRecords.now(engine);
        for (; scanned < records.size(); scanned++) {
            Record<?> record = records.get(scanned);
            if (!(incidentEvent(record) instanceof IncidentRecordValue incident) || incident.getJobKey() > 0) {
                continue; // jobs' incidents are recorded by their workers
            }
            try {
                if (record.getIntent() == IncidentIntent.CREATED) {
                    incidents.recordRaised(record.getKey(), incident.getErrorType().name(), incident.getBpmnProcessId(),
                            incident.getElementId(), incident.getProcessInstanceKey(), incident.getErrorMessage(),
                            Instant.ofEpochMilli(record.getTimestamp()));
                } else if (record.getIntent() == IncidentIntent.RESOLVED) {
                    incidents.resolvedRaised(record.getKey()); // resolved elsewhere, or its instance cancelled
                }
            } catch (RuntimeException ledgerAway) {
                log.warn("incident {} raised by the engine not recorded yet: {}", record.getKey(), ledgerAway.toString());
                return; // the next pass starts here
            }
        }
    }

    private static Object incidentEvent(Record<?> record) {
        return record.getValueType() == ValueType.INCIDENT && record.getRecordType() == RecordType.EVENT ? record.getValue() : null;
    }
}
