package com.civilsafety.ledger.inbox;

import java.util.Map;

/** The forms of the task kinds a feature opens, registered with the inbox as a bean ({@link TaskFormCatalogue}). */
public interface TaskForms {
    Map<TaskKind, Class<? extends TaskResult>> forms();
}
