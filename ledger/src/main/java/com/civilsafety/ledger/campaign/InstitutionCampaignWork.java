package com.civilsafety.ledger.campaign;

import java.time.Instant;
import java.time.LocalDate;

/** One piece of campaign work of an institution, for its campaign view (专项行动 tab of the institution). */
public record InstitutionCampaignWork(long campaignId, String campaign, String campaignStatus, String stage, String work,
                                      String workLabel, LocalDate dueOn, String status, String statusLabel, boolean late,
                                      Integer hazardsFound, Long taskId, Instant submittedAt) {
}
