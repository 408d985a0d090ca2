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

    /**
     * {@code running}: the instances as the engine holds them (empty against a cluster: the ledger's words only). What
     * the variables name most precisely comes first — a campaign's phase, deliverable or monthly dispatch, which the
     * ledger's events name only by their campaign.
     */
    public Map<Long, String> of(Collection<Long> keys, Map<Long, EngineInstances.RunningInstance> running) {
        Map<Long, String> names = new HashMap<>(subjects.of(keys));
        for (long key : keys) {
            EngineInstances.RunningInstance instance = running.get(key);
            if (instance == null) {
                continue;
            }
            InstanceReference about = InstanceReference.of(instance.variables());
            if (about.hazardId() != null && names.containsKey(key)) {
                continue; // the ledger's words for a hazard are the same: not asked again
            }
            String name = of(about);
            if (name != null) {
                names.put(key, name);
            }
        }
        return names;
    }

    /** what the variables name, in words: a hazard, a campaign's phase, deliverable or monthly dispatch; null if nothing */
    public String of(InstanceReference about) {
        if (about.hazardId() != null) {
            return subjects.hazard(about.hazardId());
        }
        if (about.campaignId() == null) {
            return null;
        }
        if (about.deliverableId() != null) {
            return subjects.deliverable(about.deliverableId());
        }
        String campaign = subjects.campaign(about.campaignId(), about.phaseOrdinal());
        if (campaign != null && about.phaseOrdinal() == null && about.reportMonth() != null) {
            return campaign + " · " + about.reportMonth().getYear() + "年" + about.reportMonth().getMonthValue() + "月调度";
        }
        return campaign;
    }
}
