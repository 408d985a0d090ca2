package com.civilsafety.ledger.campaign;

import com.civilsafety.ledger.region.Region;
import java.util.List;

/**
 * A campaign with its scope and schedule (phases, deliverables, the months of its span and whether each reports, the
 * weeks it reports in when weekly), for display.
 */
public record CampaignView(Campaign campaign, List<Region> regions, List<CampaignPhase> phases,
                           List<CampaignDeliverable> deliverables, List<MonthlyDispatch.Month> dispatches,
                           List<MonthlyDispatch.Month> weeklyDispatches) {
}
