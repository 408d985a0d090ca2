package com.civilsafety.processes;

import static io.camunda.zeebe.process.test.assertions.BpmnAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.client.ZeebeClient;
import io.camunda.zeebe.client.api.response.ActivatedJob;
import io.camunda.zeebe.client.api.response.ProcessInstanceEvent;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.extension.ZeebeProcessTest;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Drives the campaign models (Campaign, CampaignPhase, CampaignDeliverable) on the in-process engine, playing the
 * workers by hand and moving the engine's clock: phases run one after another at their dates, deliverables alongside,
 * reminders repeat, a phase can be closed early or rescheduled while it waits.
 */
@ZeebeProcessTest
class CampaignProcessTest {
    private static final Duration IDLE = Duration.ofSeconds(5);

    ZeebeTestEngine engine;
    ZeebeClient client;

    @BeforeEach
    void deploy() {
        client.newDeployResourceCommand().addResourceFromClasspath("processes/campaign.bpmn")
                .addResourceFromClasspath("processes/campaign-phase.bpmn")
                .addResourceFromClasspath("processes/campaign-deliverable.bpmn")
                .addResourceFromClasspath("processes/campaign-dispatch.bpmn").send().join();
    }

    @Test
    void eachMonthsDispatchOpensRemindsEscalatesAndConsolidatesOnItsDays() throws Exception {
        start(9);
        complete("campaign.load-schedule", Map.of("phaseOrdinals", List.of(), "deliverableIds", List.of(),
                "dispatchMonths", List.of("2027-06", "2027-07")));
        // both months wait at once, each for its own dates (the ledger computes them: 10th, 14th, 16th 16:00, 20th)
        List<ActivatedJob> dates = activatable("dispatch.dates");
        assertThat(dates).hasSize(2).extracting(j -> j.getVariablesAsMap().get("reportMonth"))
                .containsExactlyInAnyOrder("2027-06", "2027-07");
        for (ActivatedJob job : dates) {
            int offset = job.getVariablesAsMap().get("reportMonth").equals("2027-06") ? 0 : 30;
            client.newCompleteCommand(job).variables(Map.of("opensAt", inDays(offset + 1), "remindAt", inDays(offset + 5),
                    "dueAt", inDays(offset + 7), "countyDueAt", inDays(offset + 11))).send().join();
        }
        idle();
        assertThat(activatable("dispatch.open-townships")).as("drafts wait for the 10th").isEmpty();

        passDays(1);
        assertThat(complete("dispatch.open-townships", Map.of("opened", 8)).getVariablesAsMap()).containsEntry("campaignId", 9);
        assertThat(activatable("dispatch.remind-townships")).isEmpty();
        passDays(4);
        complete("dispatch.remind-townships", Map.of("reminded", 3));
        assertThat(activatable("dispatch.escalate-townships")).as("not before the 16th").isEmpty();
        passDays(2);
        complete("dispatch.escalate-townships", Map.of("late", 2));
        assertThat(complete("dispatch.consolidate", Map.of("opened", 1)).getVariablesAsMap())
                .as("the county consolidation opens as the townships' reports fall due").containsEntry("reportMonth", "2027-06");
        assertThat(activatable("dispatch.escalate-county")).isEmpty();
        passDays(4);
        complete("dispatch.escalate-county", Map.of("late", 0));
        assertThat(activatable("dispatch.open-townships")).as("July waits for its own 10th").isEmpty();
        passDays(20);
        complete("dispatch.open-townships", Map.of("opened", 8));
    }

    @Test
    void phasesRunOneAfterAnotherAtTheirDatesWhileDeliverablesRunAlongside() throws Exception {
        ProcessInstanceEvent campaign = start(7);
        complete("campaign.load-schedule", Map.of("phaseOrdinals", List.of(1, 2), "deliverableIds", List.of(31),
                "dispatchMonths", List.of()));

        ActivatedJob phaseDates = complete("campaign.phase-dates", phaseDates("7/1", 1, 20, 10));
        assertThat(phaseDates.getVariablesAsMap()).containsEntry("campaignId", 7).containsEntry("ordinal", 1);
        ActivatedJob deliverableDates = complete("campaign.deliverable-dates",
                Map.of("opensAt", inDays(0), "remindAt", inDays(3), "dueAt", inDays(5)));
        assertThat(deliverableDates.getVariablesAsMap()).containsEntry("deliverableId", 31);
        assertThat(activatable("campaign.open-phase")).as("phase 1 waits for its start").isEmpty();

        passDays(1);
        complete("campaign.open-deliverable", Map.of());
        complete("campaign.open-phase", Map.of());
        passDays(3);
        complete("campaign.remind-deliverable", Map.of());
        passDays(2);
        complete("campaign.escalate-deliverable", Map.of());

        passDays(5); // day 11: the reminder of phase 1; the next one falls after its end
        ActivatedJob reminder = complete("campaign.remind-phase", Map.of("remindAt", inDays(30)));
        assertThat(reminder.getVariablesAsMap()).containsEntry("ordinal", 1);
        passDays(10); // day 21: phase 1 ends
        assertThat(activatable("campaign.remind-phase")).isEmpty();
        complete("campaign.close-phase", Map.of());

        complete("campaign.phase-dates", phaseDates("7/2", 25, 40, 45));
        assertThat(activatable("campaign.open-phase")).as("phase 2 waits for its start").isEmpty();
        passDays(5);
        assertThat(complete("campaign.open-phase", Map.of()).getVariablesAsMap()).containsEntry("ordinal", 2);
        passDays(16);
        complete("campaign.close-phase", Map.of());
        complete("campaign.close", Map.of());

        assertThat(campaign).isCompleted().hasPassedElementsInOrder("Task_LoadSchedule", "Gateway_Fork",
                "Gateway_Join", "Task_CloseCampaign", "EndEvent_CampaignClosed");
    }

    @Test
    void aPhaseClosedEarlyClosesAtOnce() throws Exception {
        ProcessInstanceEvent campaign = start(8);
        complete("campaign.load-schedule", Map.of("phaseOrdinals", List.of(1), "deliverableIds", List.of(),
                "dispatchMonths", List.of()));
        complete("campaign.phase-dates", phaseDates("8/1", 0, 20, 30));
        passDays(0);
        complete("campaign.open-phase", Map.of());

        publish("campaign-phase-closed", "8/1");
        complete("campaign.close-phase", Map.of());
        complete("campaign.close", Map.of());
        assertThat(campaign).isCompleted();
    }

    @Test
    void aRescheduledPhaseWaitsForItsNewDates() throws Exception {
        ProcessInstanceEvent campaign = start(9);
        complete("campaign.load-schedule", Map.of("phaseOrdinals", List.of(1), "deliverableIds", List.of(),
                "dispatchMonths", List.of()));
        complete("campaign.phase-dates", phaseDates("9/1", 2, 10, 30));

        publish("campaign-phase-rescheduled", "9/1"); // moved before it started: starts later
        complete("campaign.phase-dates", phaseDates("9/1", 4, 10, 30));
        passDays(3);
        assertThat(activatable("campaign.open-phase")).isEmpty();
        passDays(1);
        complete("campaign.open-phase", Map.of());

        publish("campaign-phase-rescheduled", "9/1"); // extended while it runs
        complete("campaign.phase-dates", phaseDates("9/1", 4, 20, 30));
        passDays(7); // day 11: the old end date has passed
        assertThat(activatable("campaign.close-phase")).isEmpty();
        passDays(10);
        complete("campaign.close-phase", Map.of());
        complete("campaign.close", Map.of());
        assertThat(campaign).isCompleted();
    }

    @Test
    void aCancelledCampaignLeavesNothingWaiting() throws Exception {
        ProcessInstanceEvent campaign = start(10);
        complete("campaign.load-schedule", Map.of("phaseOrdinals", List.of(1, 2), "deliverableIds", List.of(1, 2),
                "dispatchMonths", List.of("2027-06")));
        client.newCancelInstanceCommand(campaign.getProcessInstanceKey()).send().join();
        idle();
        assertThat(campaign).isTerminated();
        passDays(60);
        assertThat(activatable("campaign.phase-dates")).isEmpty();
        assertThat(activatable("campaign.deliverable-dates")).isEmpty();
        assertThat(activatable("dispatch.dates")).isEmpty();
    }

    private ProcessInstanceEvent start(long campaignId) throws Exception {
        ProcessInstanceEvent instance = client.newCreateInstanceCommand().bpmnProcessId("Campaign").latestVersion()
                .variables(Map.of("campaignId", campaignId)).send().join();
        idle();
        return instance;
    }

    /** The dates of a phase as the ledger gives them, and its correlation key: campaign id / phase number. */
    private static Map<String, Object> phaseDates(String phaseKey, int startsInDays, int endsInDays, int remindInDays) {
        return Map.of("startsAt", inDays(startsInDays), "endsAt", inDays(endsInDays), "remindAt", inDays(remindInDays),
                "phaseKey", phaseKey);
    }

    private static String inDays(int days) {
        return OffsetDateTime.now(ZoneOffset.ofHours(8)).plusDays(days).plusHours(1).toString();
    }

    private void publish(String message, String correlationKey) throws Exception {
        client.newPublishMessageCommand().messageName(message).correlationKey(correlationKey)
                .timeToLive(Duration.ZERO).send().join();
        idle();
    }

    private ActivatedJob complete(String jobType, Map<String, Object> variables) throws Exception {
        List<ActivatedJob> jobs = activatable(jobType);
        assertThat(jobs).as("one active job of type %s", jobType).hasSize(1);
        client.newCompleteCommand(jobs.get(0)).variables(variables).send().join();
        idle();
        return jobs.get(0);
    }

    private List<ActivatedJob> activatable(String jobType) {
        return client.newActivateJobsCommand().jobType(jobType).maxJobsToActivate(5).timeout(Duration.ofSeconds(1))
                .send().join().getJobs();
    }

    /** Days and two hours more, so that a date "in N days" (plus an hour) is passed after N days. */
    private void passDays(int days) throws Exception {
        engine.increaseTime(Duration.ofDays(days).plusHours(2));
        idle();
    }

    private void idle() throws InterruptedException, TimeoutException {
        engine.waitForIdleState(IDLE);
    }
}
