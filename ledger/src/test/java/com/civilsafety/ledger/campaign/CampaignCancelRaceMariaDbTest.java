package com.civilsafety.ledger.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import com.civilsafety.ledger.access.Actor;
import com.civilsafety.ledger.common.LedgerTime;
import com.civilsafety.ledger.institution.InstitutionType;
import com.civilsafety.ledger.job.ProcessStep;
import com.civilsafety.ledger.region.RegionRepository;
import com.civilsafety.ledger.testsupport.DemoActors;
import com.civilsafety.ledger.testsupport.MariaDbDatabase;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A step that began reading before a cancellation committed, and changes work after it (a reminder, marking the late),
 * must not reopen what the cancellation withdrew. On MariaDB (repeatable read) a plain read in such a step still shows
 * the withdrawn work open, and writing it back reopened it — seen once when a three-year campaign was cancelled while
 * a year of reminders and escalations were being worked through.
 */
@SpringBootTest
@ActiveProfiles("mysql")
class CampaignCancelRaceMariaDbTest {
    private static final AtomicLong JOB_KEYS = new AtomicLong(9_000_000);

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        MariaDbDatabase.register("ledger_cancel_race", registry);
    }

    @Autowired
    CampaignService campaigns;
    @Autowired
    CampaignRun run;
    @Autowired
    CampaignDeliverableRepository deliverables;
    @Autowired
    RegionRepository regions;
    @Autowired
    DemoActors actors;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    Clock clock;

    @Test
    void aStepThatBeganBeforeTheCancellationReopensNothing() throws Exception {
        Actor section = actors.get("fuli");
        long county = regions.findByCode("990121").orElseThrow().getId();
        LocalDate today = LedgerTime.today(clock);
        long campaignId = campaigns.create(new CampaignPlan("撤销竞态", null, "安澜县民政局", null, List.of(county),
                EnumSet.of(InstitutionType.FUNERAL), List.of(new CampaignPlan.Phase(PhaseKind.MOBILISATION, null,
                today.plusDays(1), today.plusDays(30))),
                List.of(new CampaignPlan.Deliverable(DeliverableKind.TOWNSHIP_PLAN, null, today.plusDays(10), null)),
                null, false), section).campaign().getId();
        long deliverableId = deliverables.findByCampaignIdOrderByDueOn(campaignId).getFirst().getId();
        new TransactionTemplate(transactions).executeWithoutResult(s -> run.openDeliverable(deliverableId, step()));
        long opened = open(campaignId);
        assertThat(opened).as("the townships' plans are owed").isPositive();

        CountDownLatch reading = new CountDownLatch(1);
        CountDownLatch cancelled = new CountDownLatch(1);
        CompletableFuture<Object> escalation = CompletableFuture.supplyAsync(() ->
                new TransactionTemplate(transactions).execute(s -> {
                    open(campaignId); // the step's first read: the snapshot it reads by from now on
                    reading.countDown();
                    await(cancelled);
                    run.remindDeliverable(deliverableId, step());
                    return run.escalateDeliverable(deliverableId, step());
                }));
        assertThat(reading.await(30, TimeUnit.SECONDS)).isTrue();
        campaigns.cancel(campaignId, "机构改制，行动并入全县统一部署", section);
        cancelled.countDown();
        escalation.get(60, TimeUnit.SECONDS);

        assertThat(open(campaignId)).as("nothing the cancellation withdrew is open again").isZero();
        assertThat(jdbc.queryForObject("select count(*) from campaign_work where campaign_id = ? and status = 'CANCELLED'",
                Long.class, campaignId)).isEqualTo(opened);
    }

    private long open(long campaignId) {
        return jdbc.queryForObject("select count(*) from campaign_work where campaign_id = ? and status = 'OPEN'",
                Long.class, campaignId);
    }

    private static ProcessStep step() {
        return new ProcessStep(JOB_KEYS.incrementAndGet(), 4242, "Task_Race");
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the cancellation did not come");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
