package com.civilsafety.ledger.job;

/** Where in a process a worker's call comes from: recorded with every step so the engine state can be rebuilt. */
public record ProcessStep(long jobKey, long processInstanceKey, String elementId) {
}
