package com.civilsafety.ledger.hazard;

import com.civilsafety.ledger.inbox.InboxTask;
import java.util.List;

/** A hazard with everything recorded about it, for display. */
public record HazardView(Hazard hazard, List<HazardStatusChange> history, List<HazardRectification> rectifications,
                         List<HazardVerification> verifications, List<HazardEscalation> escalations,
                         List<HazardExtension> extensions, List<InboxTask> tasks) {
}
