package com.civilsafety.engine.state;

import com.civilsafety.ledger.eventlog.InstanceSubjects;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * What each running instance is about, in words: from the ledger events its steps wrote, or — for one that has not
 * written any yet, such as a phase still waiting for its start — from the campaign or hazard its variables name.
 */
@Component
public class InstanceNames {
    private final InstanceSubjects subjects;

    InstanceNames(InstanceSubjects subjects) {
        this.subjects = subjects;
    }

    /** {@code running}: the instances as the engine holds them (empty against a cluster: the ledger's words only) */
    public Map<Long, String> of(Collection<Long> keys, Map<Long, EngineInstances.RunningInstance> running) {
        Map<Long, String> names = new HashMap<>(subjects.of(keys));
        for (long key : keys) {
            EngineInstances.RunningInstance instance = running.get(key);
            if (names.containsKey(key) || instance == null) {
                continue;
            }
            InstanceReference about = InstanceReference.of(instance.variables());
            String name = about.hazardId() != null ? subjects.hazard(about.hazardId())
                    : about.campaignId() != null ? subjects.campaign(about.campaignId(), about.phaseOrdinal()) : null;
            if (name != null) {
                names.put(key, name);
            }
        }
        return names;
    }
}
