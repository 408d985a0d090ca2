package com.civilsafety.engine.state;

import com.civilsafety.ledger.campaign.CampaignService;
import com.civilsafety.ledger.eventlog.InstanceCorrections;
import com.civilsafety.ledger.hazard.HazardService;
import com.civilsafety.ledger.whistleblower.Whistleblowers;
import java.time.YearMonth;
import java.util.Map;

/**
 * The ledger records a running instance is about, read from its variables (the models' contract: {@code campaignId},
 * {@code phaseKey} "campaign/ordinal", {@code deliverableId}, {@code reportMonth} "yyyy-MM", {@code hazardId}, {@code reportId} a
 * whistleblower report); each null where the instance names none.
 */
public record InstanceReference(Long campaignId, Integer phaseOrdinal, Long deliverableId, YearMonth reportMonth,
                                Long hazardId, Long reportId) {
    /** the variables read */
    public static final java.util.Set<String> VARIABLES = java.util.Set.of("campaignId", "phaseKey", "deliverableId",
            "reportMonth", "hazardId", "reportId");

    /** {@code variables}: as the engine holds them, each value as JSON */
    public static InstanceReference of(Map<String, String> variables) {
        return new InstanceReference(number(variables.get("campaignId")), ordinal(variables.get("phaseKey")),
                number(variables.get("deliverableId")), month(variables.get("reportMonth")), number(variables.get("hazardId")),
                number(variables.get("reportId")));
    }

    /** the ledger record the instance is about, as its events are kept under it; null if it names none */
    public InstanceCorrections.Subject subject() {
        return hazardId != null ? new InstanceCorrections.Subject(HazardService.SUBJECT, hazardId)
                : reportId != null ? new InstanceCorrections.Subject(Whistleblowers.SUBJECT, reportId)
                : campaignId != null ? new InstanceCorrections.Subject(CampaignService.SUBJECT, campaignId) : null;
    }

    private static YearMonth month(String json) {
        return json != null && json.matches("\"\\d{4}-(0[1-9]|1[0-2])\"") ? YearMonth.parse(json.substring(1, 8)) : null;
    }

    private static Long number(String json) {
        return json != null && json.matches("\\d{1,18}") ? Long.valueOf(json) : null;
    }

    private static Integer ordinal(String json) {
        return json != null && json.matches("\"\\d{1,18}/\\d{1,9}\"")
                ? Integer.valueOf(json.substring(json.indexOf('/') + 1, json.length() - 1)) : null;
    }
}
