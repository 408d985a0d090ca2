package com.civilsafety.engine.embedded;

import com.civilsafety.engine.state.EngineIncidents;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.IncidentIntent;
import io.camunda.zeebe.protocol.record.value.IncidentRecordValue;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.stereotype.Component;

/** The embedded engine's incidents, read from its own record stream (it has no Operate and no REST API). */
@Component
@ConditionalOnBean(ZeebeTestEngine.class)
class EmbeddedEngineIncidents implements EngineIncidents {
    private final ZeebeTestEngine engine;

    EmbeddedEngineIncidents(ZeebeTestEngine engine) {
        this.engine = engine;
    }

    @Override
    public Optional<Long> openIncidentOfJob(long jobKey) {
        Long created = null;
        Set<Long> resolved = new HashSet<>();
        for (Record<?> record : engine.getRecordStreamSource().getRecords()) {
            if (record.getValueType() != ValueType.INCIDENT || record.getRecordType() != RecordType.EVENT
                    || !(record.getValue() instanceof IncidentRecordValue incident) || incident.getJobKey() != jobKey) {
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
}
