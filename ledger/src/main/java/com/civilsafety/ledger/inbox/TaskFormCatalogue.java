package com.civilsafety.ledger.inbox;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Which form completes which kind of task, as the features registered them; every kind has exactly one. */
@Component
public class TaskFormCatalogue {
    private final Map<TaskKind, Class<? extends TaskResult>> forms = new EnumMap<>(TaskKind.class);

    public TaskFormCatalogue(List<TaskForms> registered) {
        for (TaskForms feature : registered) {
            feature.forms().forEach((kind, form) -> {
                if (forms.putIfAbsent(kind, form) != null) {
                    throw new IllegalStateException("two forms registered for task kind " + kind);
                }
            });
        }
        Set<TaskKind> missing = EnumSet.allOf(TaskKind.class);
        missing.removeAll(forms.keySet());
        if (!missing.isEmpty()) {
            throw new IllegalStateException("no form registered for task kinds " + missing);
        }
    }

    public Class<? extends TaskResult> formOf(TaskKind kind) {
        return forms.get(kind);
    }
}
