package com.civilsafety.processes;

import java.util.Set;

/**
 * The messages the platform publishes, by name: a model may wait only for these (anything else would wait for ever).
 * The engine's commands publish them under these names; the model check holds models to them.
 */
public final class ProcessMessages {
    /** a person completed an inbox task (correlation: the task id) */
    public static final String TASK_COMPLETED = "inbox-task-completed";
    /** an institution asked for more time on a hazard (correlation: the hazard id) */
    public static final String EXTENSION_REQUESTED = "hazard-extension-requested";
    /** a phase was closed early (correlation: the phase key) */
    public static final String PHASE_CLOSED = "campaign-phase-closed";
    /** a phase's dates changed; its timers re-read them (correlation: the phase key) */
    public static final String PHASE_RESCHEDULED = "campaign-phase-rescheduled";

    public static final Set<String> PUBLISHED = Set.of(TASK_COMPLETED, EXTENSION_REQUESTED, PHASE_CLOSED, PHASE_RESCHEDULED);

    private ProcessMessages() {
    }
}
