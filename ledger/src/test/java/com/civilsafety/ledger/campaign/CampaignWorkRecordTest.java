package com.civilsafety.ledger.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import com.civilsafety.ledger.access.Actor;
import com.civilsafety.ledger.hazard.Grading;
import com.civilsafety.ledger.hazard.Hazard;
import com.civilsafety.ledger.hazard.HazardGrade;
import com.civilsafety.ledger.hazard.HazardReport;
import com.civilsafety.ledger.hazard.HazardService;
import com.civilsafety.ledger.hazard.HazardSource;
import com.civilsafety.ledger.hazard.RecheckResult;
import com.civilsafety.ledger.hazard.RectificationLoop;
import com.civilsafety.ledger.hazard.SupervisionLevel;
import com.civilsafety.ledger.inbox.InboxService;
import com.civilsafety.ledger.inbox.InboxTask;
import com.civilsafety.ledger.inbox.TaskKind;
import com.civilsafety.ledger.institution.Institution;
import com.civilsafety.ledger.institution.InstitutionRepository;
import com.civilsafety.ledger.institution.InstitutionType;
import com.civilsafety.ledger.job.ProcessStep;
import com.civilsafety.ledger.region.RegionRepository;
import com.civilsafety.ledger.testsupport.DemoActors;
import com.civilsafety.ledger.common.LedgerTime;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** What the campaign steps record, as the workers drive them, without an engine: inspections and 督导回头看. */
@SpringBootTest
class CampaignWorkRecordTest {
    private static final AtomicLong JOB_KEYS = new AtomicLong(5_000_000);

    @Autowired
    CampaignService campaigns;
    @Autowired
    CampaignRun run;
    @Autowired
    CampaignWorkRepository work;
    @Autowired
    CampaignPhaseRepository phases;
    @Autowired
    HazardService hazards;
    @Autowired
    RectificationLoop loop;
    @Autowired
    InboxService inbox;
    @Autowired
    InstitutionRepository institutions;
    @Autowired
    RegionRepository regions;
    @Autowired
    DemoActors actors;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    Clock clock;

    Actor section;
    long campaignId;

    @BeforeEach
    void setUp() {
        section = actors.get("fuli");
        long county = regions.findByCode("990121").orElseThrow().getId();
        LocalDate today = LedgerTime.today(clock);
        campaignId = campaigns.create(new CampaignPlan("双随机与督导检查", null, "安澜县民政局", null, List.of(county),
                EnumSet.of(InstitutionType.ELDERLY_CARE), List.of(
                new CampaignPlan.Phase(PhaseKind.DEPARTMENT_CHECK, null, today, today.plusDays(10)),
                new CampaignPlan.Phase(PhaseKind.SUPERVISION, null, today.plusDays(11), today.plusDays(20))),
                List.of(), new InspectionPlan(InspectionMode.DOUBLE_RANDOM, 30, 2, true), false), section).campaign().getId();
    }

    @Test
    void aDoubleRandomDrawTakesItsShareAlwaysWithTheZeroReportersAndRecordsItsSeed() {
        List<Institution> scope = institutions.findAll().stream().filter(i -> i.getType() == InstitutionType.ELDERLY_CARE).toList();
        Institution zeroReporter = scope.getLast();
        inTransaction(() -> {
            Institution flagged = institutions.findById(zeroReporter.getId()).orElseThrow();
            flagged.recordSelfCheck(0);
            return flagged.recordSelfCheck(0);
        });

        inTransaction(() -> run.openPhase(campaignId, 1, step("Task_OpenPhase")));

        List<CampaignWork> inspections = work.findByCampaignIdAndSlotAndStatusOrderById(campaignId, "P1", WorkStatus.OPEN);
        int share = (int) Math.ceil(scope.size() * 0.3);
        assertThat(inspections).hasSizeBetween(share, share + 1).allSatisfy(w -> {
            assertThat(w.getKind()).isEqualTo(TaskKind.INSPECTION);
            assertThat(w.getInspectorIds().split(",")).hasSize(2);
        });
        assertThat(inspections).extracting(CampaignWork::getInstitutionId).contains(zeroReporter.getId());
        CampaignPhase phase = phases.findByCampaignIdAndOrdinal(campaignId, 1).orElseThrow();
        assertThat(phase.getStatus()).isEqualTo(PhaseStatus.OPEN);
        assertThat(phase.getDrawSeed()).isNotNull();
        InboxTask task = inbox.get(inspections.getFirst().getTaskId(), section);
        assertThat(inspections.getFirst().getInspectorIds().split(",")).as("the task goes to one of the team")
                .contains(String.valueOf(task.getAssigneeId()));
        assertThat(task.getTitle()).contains("四不两直");

        // the same step run again (a rebuilt instance) opens nothing twice and draws with the recorded seed
        assertThat(inTransaction(() -> run.openPhase(campaignId, 1, step("Task_OpenPhase")))).isZero();
        assertThat(phases.findByCampaignIdAndOrdinal(campaignId, 1).orElseThrow().getDrawSeed()).isEqualTo(phase.getDrawSeed());
    }

    @Test
    void aSupervisionRecheckThatFindsAReboundReopensTheHazardAsANewCase() {
        Actor inspector = actors.get("inspector1");
        Institution institution = institutions.findById(actors.get("inst001").institutionId()).orElseThrow();
        Hazard closed = hazards.report(new HazardReport(institution.getId(), "消防通道堆放杂物", "一楼", "GEN-FIRE", false,
                HazardSource.DEPARTMENT_CHECK, LedgerTime.today(clock)), inspector);
        loop.recordGrading(closed.getId(), new Grading(HazardGrade.GENERAL, 15, 3, SupervisionLevel.TOWNSHIP, false, false, 60, 7),
                step("Task_RecordGrading"));
        loop.close(closed.getId(), step("Task_CloseHazard"));
        String county = regions.findByCode("990121").orElseThrow().getPath();
        long closedInScope = hazards.closedSince(county, campaigns.get(campaignId, section).campaign().getCreatedAt()).stream()
                .filter(h -> h.getInstitution().getType() == InstitutionType.ELDERLY_CARE).count();

        inTransaction(() -> run.openPhase(campaignId, 2, step("Task_OpenPhase")));

        List<CampaignWork> opened = work.findByCampaignIdAndSlotAndStatusOrderById(campaignId, "P2", WorkStatus.OPEN);
        List<CampaignWork> sample = opened.stream().filter(w -> w.getKind() == TaskKind.SAMPLE_RECHECK).toList();
        assertThat(sample).hasSize((int) Math.ceil(closedInScope * 0.2)).allSatisfy(w -> assertThat(w.getHazardId()).isNotNull());
        // the work group also visits a tenth of the institutions
        long institutionsInScope = institutions.findAll().stream().filter(i -> i.getType() == InstitutionType.ELDERLY_CARE).count();
        assertThat(opened.stream().filter(w -> w.getKind() == TaskKind.SUPERVISION_VISIT).count())
                .isGreaterThanOrEqualTo((long) Math.ceil(institutionsInScope * 0.1));
        CampaignWork recheck = sample.getFirst();
        inTransaction(() -> inbox.complete(recheck.getTaskId(), section, new RecheckResult(true, "杂物再次堆放")));

        CampaignWork done = work.findById(recheck.getId()).orElseThrow();
        assertThat(done.getStatus()).isEqualTo(WorkStatus.SUBMITTED);
        Hazard reopened = loop.awaitingProcess(clock.instant().plusSeconds(1)).stream()
                .filter(h -> recheck.getHazardId().equals(h.getReopenedFromId())).findFirst().orElseThrow();
        assertThat(reopened.getCampaignId()).isEqualTo(campaignId);
        assertThat(reopened.getSource()).isEqualTo(HazardSource.SUPERVISION);
        assertThat(reopened.getDescription()).contains("杂物再次堆放");
        // its loop is started by whoever claims it first; a failed start gives the claim back
        assertThat(loop.claimProcessStart(reopened.getId())).isTrue();
        assertThat(loop.claimProcessStart(reopened.getId())).isFalse();
        loop.releaseProcessStart(reopened.getId());
        assertThat(loop.claimProcessStart(reopened.getId())).isTrue();
    }

    private <T> T inTransaction(Supplier<T> work) {
        return new TransactionTemplate(transactions).execute(status -> work.get());
    }

    private static ProcessStep step(String element) {
        return new ProcessStep(JOB_KEYS.incrementAndGet(), 99, element);
    }
}
