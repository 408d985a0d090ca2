package com.civilsafety.engine.campaign;

import com.civilsafety.ledger.campaign.CampaignSchedule;
import com.civilsafety.ledger.campaign.DeliverableDates;
import com.civilsafety.ledger.campaign.DispatchDates;
import com.civilsafety.ledger.campaign.PhaseDates;
import com.civilsafety.ledger.campaign.PhaseReminder;
import java.util.Map;

/**
 * The campaign models' variable contract (processes/campaign*.bpmn): what the ledger answers, as the variables the
 * models read. Moments are ISO date-times with China's offset, as the models' timer expressions read them.
 */
public final class CampaignVariables {
    private CampaignVariables() {
    }

    /** The correlation key of a phase's messages (closed early, rescheduled). */
    public static String phaseKey(long campaignId, int ordinal) {
        return campaignId + "/" + ordinal;
    }

    /** The collections the campaign's multi-instance call activities run over. */
    public static Map<String, Object> schedule(CampaignSchedule schedule) {
        return Map.of("phaseOrdinals", schedule.phaseOrdinals(), "deliverableIds", schedule.deliverableIds(),
                "dispatchMonths", schedule.dispatchMonths());
    }

    public static Map<String, Object> phaseDates(long campaignId, int ordinal, PhaseDates dates) {
        return Map.of("startsAt", dates.startsAt().toString(), "endsAt", dates.endsAt().toString(),
                "remindAt", dates.nextReminderAt().toString(), "phaseKey", phaseKey(campaignId, ordinal));
    }

    public static Map<String, Object> phaseReminder(PhaseReminder reminder) {
        return Map.of("remindAt", reminder.nextReminderAt().toString(), "reminded", reminder.reminded());
    }

    public static Map<String, Object> deliverableDates(DeliverableDates dates) {
        return Map.of("opensAt", dates.opensAt().toString(), "remindAt", dates.remindAt().toString(),
                "dueAt", dates.dueAt().toString());
    }

    public static Map<String, Object> dispatchDates(DispatchDates dates) {
        return Map.of("opensAt", dates.opensAt().toString(), "remindAt", dates.remindAt().toString(),
                "dueAt", dates.dueAt().toString(), "countyDueAt", dates.countyDueAt().toString());
    }

    /** How many pieces of work a step opened (kept with the step, for the monitor). */
    public static Map<String, Object> opened(int count) {
        return Map.of("opened", count);
    }

    public static Map<String, Object> reminded(int count) {
        return Map.of("reminded", count);
    }

    public static Map<String, Object> late(int count) {
        return Map.of("late", count);
    }
}
