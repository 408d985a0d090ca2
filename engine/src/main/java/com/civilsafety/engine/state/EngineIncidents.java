package com.civilsafety.engine.state;

import java.util.Optional;

/**
 * Finds the engine's incident of a job. Resolving an incident needs its key, which no gRPC command returns: the
 * embedded engine reads it from its own record stream; against a remote cluster there is no such bean and incidents
 * are retried in Operate.
 */
public interface EngineIncidents {
    Optional<Long> openIncidentOfJob(long jobKey);

    /** whether the engine still holds this incident unresolved */
    boolean isOpen(long incidentKey);
}
