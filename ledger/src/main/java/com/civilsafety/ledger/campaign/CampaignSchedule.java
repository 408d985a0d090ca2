package com.civilsafety.ledger.campaign;

import java.util.List;

/** What a campaign runs: its phases in order, its deliverables, and the months it reports 《清单》《调度表》 for. */
public record CampaignSchedule(List<Integer> phaseOrdinals, List<Long> deliverableIds, List<String> dispatchMonths) {
}
