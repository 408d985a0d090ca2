package com.civilsafety.ledger.inbox;

/**
 * The process heard that a task was completed but the ledger does not show it yet (the submission's transaction is
 * still in flight, or was rolled back after its message got out). Transient: the worker retries with back-off.
 */
public class TaskNotYetCompletedException extends RuntimeException {
    public TaskNotYetCompletedException(long taskId) {
        super("task " + taskId + " is not completed in the ledger yet");
    }
}
