package com.civilsafety.ledger.hazard;

import java.util.List;

/**
 * Hazards recorded by campaign work, awaiting their rectification loops: published inside the recording
 * transaction; a listener starts the loops after the commit.
 */
public record HazardsFound(List<Long> hazardIds) {
}
