package com.civilsafety.ledger.hazard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.civilsafety.ledger.access.Actor;
import com.civilsafety.ledger.common.ConflictException;
import com.civilsafety.ledger.common.ForbiddenException;
import com.civilsafety.ledger.common.InvalidInputException;
import com.civilsafety.ledger.common.LedgerTime;
import com.civilsafety.ledger.common.NotFoundException;
import com.civilsafety.ledger.criterion.HazardCategory;
import com.civilsafety.ledger.inbox.InboxService;
import com.civilsafety.ledger.inbox.TaskKind;
import com.civilsafety.ledger.inbox.InboxTask;
import com.civilsafety.ledger.inbox.OpenedTask;
import com.civilsafety.ledger.inbox.TaskStatus;
import com.civilsafety.ledger.institution.Institution;
import com.civilsafety.ledger.institution.InstitutionRepository;
import com.civilsafety.ledger.institution.InstitutionType;
import com.civilsafety.ledger.job.ProcessStep;
import com.civilsafety.ledger.testsupport.DemoActors;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import com.civilsafety.ledger.notification.NotificationRelay;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** The hazard record through every step of the slice, as the workers and the API drive it, without an engine. */
@SpringBootTest
class HazardRecordTest {
    private static final AtomicLong JOB_KEYS = new AtomicLong(1_000_000);
    private static final Grading GENERAL = new Grading(HazardGrade.GENERAL, 15, 3, SupervisionLevel.TOWNSHIP, false, false, 60, 7);

    @Autowired
    HazardService hazards;
    @Autowired
    RectificationLoop loop;
    @Autowired
    InboxService inbox;
    @Autowired
    InstitutionRepository institutions;
    @Autowired
    DemoActors actors;
    @Autowired
    Clock clock;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    NotificationRelay relay;

    Actor inspector;
    Actor manager;
    Institution institution;

    @BeforeEach
    void setUp() {
        inspector = actors.get("inspector1");
        manager = actors.get("inst001");
        institution = institutions.findById(manager.institutionId()).orElseThrow();
    }

    @Test
    void hazardGoesFromReportToClosedWithItsHistory() {
        Hazard hazard = report(inspector, institution.getId());
        assertThat(hazard.getCode()).matches("YH\\d{4}-\\d{6}");
        long pik = 77;
        loop.recordGrading(hazard.getId(), GENERAL, step(pik, "Task_RecordGrading"));
        long rectificationTask = loop.openTask(hazard.getId(), TaskKind.RECTIFICATION, step(pik, "Task_OpenRectificationTask")).id();

        assertThat(inbox.openTasksFor(manager)).extracting(InboxTask::getId).contains(rectificationTask);
        inbox.complete(rectificationTask, manager, rectification());
        loop.recordTask(hazard.getId(), rectificationTask, TaskKind.RECTIFICATION, step(pik, "Task_RecordRectification"));

        long verificationTask = loop.openTask(hazard.getId(), TaskKind.VERIFICATION, step(pik, "Task_OpenVerificationTask")).id();
        assertThat(inbox.openTasksFor(manager)).extracting(InboxTask::getId).doesNotContain(verificationTask);
        inbox.complete(verificationTask, inspector, new VerificationResult(true, "现场核查已整改到位", null));
        assertThat(loop.recordTask(hazard.getId(), verificationTask, TaskKind.VERIFICATION, step(pik, "Task_RecordVerification")))
                .extracting(StepOutcome::verificationPassed).isEqualTo(true);
        loop.close(hazard.getId(), step(pik, "Task_CloseHazard"));

        HazardView view = hazards.view(hazard.getId(), inspector);
        assertThat(view.hazard().getStatus()).isEqualTo(HazardStatus.CLOSED);
        assertThat(view.hazard().getClosedAt()).isNotNull();
        assertThat(view.hazard().getProcessInstanceKey()).isEqualTo(pik);
        assertThat(view.history()).extracting(HazardStatusChange::getToStatus).containsExactly(HazardStatus.REPORTED,
                HazardStatus.REPORTED, HazardStatus.RECTIFYING, HazardStatus.AWAITING_VERIFICATION, HazardStatus.VERIFIED,
                HazardStatus.CLOSED);
        assertThat(view.history().get(1).getNote()).startsWith("定级：一般隐患");
        assertThat(view.history().get(3).getActorName()).isEqualTo(manager.displayName());
        assertThat(view.history().get(4).getActorName()).isEqualTo(inspector.displayName());
        assertThat(view.rectifications()).singleElement().satisfies(r -> {
            assertThat(r.getFunds()).isEqualByComparingTo("1200.50");
            assertThat(r.getSubmittedBy()).isEqualTo(manager.personId());
        });
        assertThat(view.verifications()).singleElement().satisfies(v -> assertThat(v.getVerifiedBy()).isEqualTo(inspector.personId()));
        assertThat(view.tasks()).extracting(InboxTask::getStatus).containsOnly(TaskStatus.COMPLETED);
    }

    @Test
    void failedVerificationSendsTheHazardBackWithANewDeadline() {
        Hazard hazard = report(inspector, institution.getId());
        loop.recordGrading(hazard.getId(), GENERAL, step(5, "Task_RecordGrading"));
        long task = loop.openTask(hazard.getId(), TaskKind.RECTIFICATION, step(5, "Task_OpenRectificationTask")).id();
        inbox.complete(task, manager, rectification());
        loop.recordTask(hazard.getId(), task, TaskKind.RECTIFICATION, step(5, "Task_RecordRectification"));
        long verification = loop.openTask(hazard.getId(), TaskKind.VERIFICATION, step(5, "Task_OpenVerificationTask")).id();
        LocalDate newDeadline = today().plusDays(10);

        assertThatThrownBy(() -> inbox.complete(verification, inspector, new VerificationResult(false, " ", newDeadline)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("opinion"));
        assertThatThrownBy(() -> inbox.complete(verification, inspector, new VerificationResult(false, "灭火器过期未更换", null)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("newDeadline"));
        inbox.complete(verification, inspector, new VerificationResult(false, "灭火器过期未更换", newDeadline));

        assertThat(loop.recordTask(hazard.getId(), verification, TaskKind.VERIFICATION, step(5, "Task_RecordVerification")))
                .extracting(StepOutcome::verificationPassed).isEqualTo(false);
        HazardView view = hazards.view(hazard.getId(), inspector);
        assertThat(view.hazard().getStatus()).isEqualTo(HazardStatus.RECTIFYING);
        assertThat(view.hazard().getRectificationDeadline()).isEqualTo(newDeadline);
    }

    @Test
    void onlyTheRightPersonCompletesATaskAndOnlyOnce() {
        Hazard hazard = report(inspector, institution.getId());
        loop.recordGrading(hazard.getId(), GENERAL, step(9, "Task_RecordGrading"));
        long task = loop.openTask(hazard.getId(), TaskKind.RECTIFICATION, step(9, "Task_OpenRectificationTask")).id();

        Actor otherManager = actors.get("inst030");
        assertThatThrownBy(() -> inbox.complete(task, otherManager, rectification())).isInstanceOf(NotFoundException.class);
        Actor townshipOfficer = actors.get("town1");
        assertThatThrownBy(() -> inbox.complete(task, townshipOfficer, rectification())).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> inbox.complete(task, inspector, new VerificationResult(true, null, null)))
                .isInstanceOf(ForbiddenException.class);
        inbox.complete(task, manager, rectification());
        assertThatThrownBy(() -> inbox.complete(task, manager, rectification())).isInstanceOf(ConflictException.class);
    }

    @Test
    void reportsAreCheckedAgainstTheReportersScope() {
        assertThatThrownBy(() -> report(actors.get("inst030"), institution.getId()))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("institutionId"));
        assertThatThrownBy(() -> report(inspector, 999_999L))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("institutionId"));
        assertThatThrownBy(() -> hazards.report(new HazardReport(institution.getId(), "x", null, "GEN-FIRE", false,
                HazardSource.SELF_CHECK, today().plusDays(2)), manager))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("foundOn"));
        Hazard own = report(manager, institution.getId());
        assertThatThrownBy(() -> hazards.view(own.getId(), actors.get("inst030"))).isInstanceOf(NotFoundException.class);
        assertThat(hazards.view(own.getId(), actors.get("town1")).hazard().getId()).isEqualTo(own.getId());
    }

    @Test
    void theCriterionDecidesTheCategoryAndMustFitTheInstitution() {
        Hazard major = hazards.report(new HazardReport(institution.getId(), "厨房无食品经营许可证", null, "YL-5-2", false,
                HazardSource.DEPARTMENT_CHECK, today()), inspector);
        assertThat(major.getCategory()).isEqualTo(HazardCategory.FOOD);
        assertThat(major.gradingFacts()).isEqualTo(new GradingFacts(true, false, InstitutionType.ELDERLY_CARE,
                HazardCategory.FOOD, false));
        long funeralHome = institutions.findAll().stream().filter(i -> i.getType() == InstitutionType.FUNERAL)
                .findFirst().orElseThrow().getId();
        assertThatThrownBy(() -> hazards.report(new HazardReport(funeralHome, "x", null, "YL-5-2", false,
                HazardSource.DEPARTMENT_CHECK, today()), inspector))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("criterionCode"));
        assertThatThrownBy(() -> hazards.report(new HazardReport(institution.getId(), "x", null, "NO-SUCH", false,
                HazardSource.DEPARTMENT_CHECK, today()), inspector))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("criterionCode"));
    }

    @Test
    void gradingFixesDeadlineReminderAndSupervision() {
        Hazard hazard = report(inspector, institution.getId());
        Grading major = new Grading(HazardGrade.MAJOR, 30, 7, SupervisionLevel.COUNTY, true, true, 30, 7);
        LocalDate deadline = hazard.getFoundOn().plusDays(30);
        RectificationDates dates = loop.recordGrading(hazard.getId(), major, step(11, "Task_RecordGrading"));
        assertThat(dates).isEqualTo(new RectificationDates(deadline.minusDays(7), deadline, deadline.plusDays(7)));
        assertThat(dates.dueAt(RectificationTimer.DEADLINE)).hasToString(deadline + "T23:59:59+08:00");
        assertThat(dates.dueAt(RectificationTimer.REMINDER)).hasToString(deadline.minusDays(7) + "T09:00+08:00");
        assertThat(dates.dueAt(RectificationTimer.SECOND_ESCALATION)).hasToString(deadline.plusDays(7) + "T23:59:59+08:00");
        Hazard graded = hazards.view(hazard.getId(), inspector).hazard();
        assertThat(graded.getGrade()).isEqualTo(HazardGrade.MAJOR);
        assertThat(graded.getSupervisionLevel()).isEqualTo(SupervisionLevel.COUNTY);
        assertThat(graded.isListedSupervision()).isTrue();
        assertThat(graded.isEmergencyMeasuresRequired()).isTrue();
        assertThat(graded.getRecheckDays()).isEqualTo(30);
        assertThat(graded.getProcessInstanceKey()).isEqualTo(11);
        assertThat(graded.getStatus()).isEqualTo(HazardStatus.UNDER_SUPERVISION);
    }

    @Test
    void anOverdueHazardIsEscalatedTwiceStaysOpenAndOwesAnExplanation() {
        Hazard hazard = report(inspector, institution.getId());
        loop.recordGrading(hazard.getId(), GENERAL, step(21, "Task_RecordGrading"));
        loop.openTask(hazard.getId(), TaskKind.RECTIFICATION, step(21, "Task_OpenRectificationTask"));

        loop.remind(hazard.getId(), step(21, "Task_RemindInstitution"));
        loop.escalate(hazard.getId(), 1, step(21, "Task_EscalateOverdue"));
        loop.escalate(hazard.getId(), 2, step(21, "Task_EscalateToLeader"));

        HazardView view = hazards.view(hazard.getId(), inspector);
        assertThat(view.hazard().getStatus()).isEqualTo(HazardStatus.RECTIFYING); // 继续挂账
        assertThat(view.hazard().getEscalationLevel()).isEqualTo(2);
        assertThat(view.escalations()).extracting(HazardEscalation::getLevel).containsExactly(1, 2);
        assertThat(view.escalations().get(0).getNotifiedRoles()).contains("township-officer", "bureau-section");
        assertThat(view.escalations().get(1).getAction()).contains("约谈");
        assertThat(view.tasks()).extracting(InboxTask::getKind).containsExactly(TaskKind.RECTIFICATION, TaskKind.EXPLANATION);
        long explanation = view.tasks().get(1).getId();
        assertThatThrownBy(() -> inbox.complete(explanation, manager, new OverdueExplanation(" ", "x")))
                .isInstanceOf(jakarta.validation.ConstraintViolationException.class);
        inbox.complete(explanation, manager, new OverdueExplanation("材料未到货", "本周内完成"));
        assertThat(view.history()).extracting(HazardStatusChange::getNote).anyMatch(n -> n.startsWith("整改期限将至"))
                .anyMatch(n -> n.contains("继续挂账"));
    }

    @Test
    void aPersonsStepIsRemindedTheMorningBeforeItsLastDayThenEscalatedOnceToThoseWhoAnswerForItsOwner() {
        Hazard hazard = report(inspector, institution.getId());
        loop.recordGrading(hazard.getId(), GENERAL, step(27, "Task_RecordGrading"));
        OpenedTask assignment = loop.openTask(hazard.getId(), TaskKind.ASSIGNMENT, step(27, "Task_OpenAssignmentTask"));
        assertThat(assignment.remindAt()).isBefore(assignment.dueAt()).isAfter(clock.instant())
                .isEqualTo(LedgerTime.at(LocalDate.ofInstant(assignment.dueAt(), LedgerTime.ZONE).minusDays(1), LedgerTime.WORKDAY_START)
                        .toInstant());

        assertThat(inTransaction(() -> inbox.remindBeforeDue(assignment.id(), step(27, "Task_RemindAssignment")))).isTrue();
        assertThat(inTransaction(() -> inbox.remindBeforeDue(assignment.id(), step(27, "Task_RemindAssignment"))))
                .as("a rebuilt instance's passed reminder fires again: once is enough").isFalse();
        assertThat(inTransaction(() -> inbox.escalateOverdue(assignment.id(), step(27, "Task_EscalateAssignment")))).isTrue();
        assertThat(inTransaction(() -> inbox.escalateOverdue(assignment.id(), step(27, "Task_EscalateAssignment")))).isFalse();

        assertThat(told("task-due:" + assignment.id() + ":" + today())).contains("town1").doesNotContain("fuli");
        assertThat(told("task-overdue:" + assignment.id())).contains("town1", "fuli").doesNotContain("leader", "inst001");
        assertThat(hazards.view(hazard.getId(), inspector).history()).extracting(HazardStatusChange::getNote)
                .filteredOn(n -> n.startsWith("落实整改责任逾期未办")).singleElement().asString().contains("业务股室");

        inbox.complete(assignment.id(), actors.get("town1"), assignment(today().plusDays(10)));
        assertThat(inTransaction(() -> inbox.escalateOverdue(assignment.id(), step(27, "Task_EscalateAssignment"))))
                .as("a task done is not escalated").isFalse();
    }

    private boolean inTransaction(BooleanSupplier work) {
        return Boolean.TRUE.equals(tx.execute(s -> work.getAsBoolean()));
    }

    /** who was told of this cause, once the relay has told what the steps asked for */
    private List<String> told(String causeKey) {
        relay.tellRequested();
        return jdbc.queryForList("select p.username from notification n join person p on p.id = n.person_id where n.cause_key = ?",
                String.class, causeKey);
    }

    @Test
    void aRejectedExtensionKeepsTheDeadlineAndAnApprovedOneMovesIt() {
        Hazard hazard = report(inspector, institution.getId());
        loop.recordGrading(hazard.getId(), GENERAL, step(22, "Task_RecordGrading"));
        loop.openTask(hazard.getId(), TaskKind.RECTIFICATION, step(22, "Task_OpenRectificationTask"));
        LocalDate deadline = hazards.view(hazard.getId(), inspector).hazard().getRectificationDeadline();

        hazards.requestExtension(hazard.getId(), new ExtensionRequest(deadline.plusDays(10), "等待材料"), manager);
        long first = loop.openTask(hazard.getId(), TaskKind.EXTENSION, step(22, "Task_OpenExtensionTask")).id();
        inbox.complete(first, actors.get("fuli"), new ExtensionDecision(false, "理由不充分", null));
        assertThat(loop.recordTask(hazard.getId(), first, TaskKind.EXTENSION, step(22, "Task_RecordExtensionDecision")))
                .extracting(o -> o.dates().deadline()).isEqualTo(deadline);

        hazards.requestExtension(hazard.getId(), new ExtensionRequest(deadline.plusDays(10), "供应商延迟发货"), manager);
        long second = loop.openTask(hazard.getId(), TaskKind.EXTENSION, step(22, "Task_OpenExtensionTask")).id();
        assertThatThrownBy(() -> inbox.complete(second, actors.get("fuli"), new ExtensionDecision(true, null, deadline)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("approvedDeadline"));
        inbox.complete(second, actors.get("fuli"), new ExtensionDecision(true, "同意", null));
        assertThat(loop.recordTask(hazard.getId(), second, TaskKind.EXTENSION, step(22, "Task_RecordExtensionDecision")))
                .extracting(o -> o.dates().deadline()).isEqualTo(deadline.plusDays(10));
        assertThat(hazards.view(hazard.getId(), inspector).extensions()).extracting(HazardExtension::getStatus)
                .containsExactly(HazardExtension.Status.REJECTED, HazardExtension.Status.APPROVED);
    }

    @Test
    void aMajorHazardIsAcceptedByTheThirdPartyEngagedAndSignedWithItsBody() {
        Actor thirdParty = actors.get("thirdparty1");
        Hazard hazard = report(inspector, institution.getId());
        loop.recordGrading(hazard.getId(), new Grading(HazardGrade.MAJOR, 60, 10, SupervisionLevel.COUNTY, true, false, 30, 3),
                step(24, "Task_RecordGrading"));
        long verification = loop.openTask(hazard.getId(), TaskKind.VERIFICATION, step(24, "Task_OpenVerificationTask")).id();

        assertThat(inbox.openTasksFor(thirdParty)).extracting(InboxTask::getId).contains(verification);
        assertThat(inbox.openTasksFor(inspector)).extracting(InboxTask::getId).doesNotContain(verification);
        // an inspector can no longer pass it off as the third party's acceptance
        assertThatThrownBy(() -> inbox.complete(verification, inspector,
                new VerificationResult(true, "经第三方检测合格", null, Acceptor.THIRD_PARTY, "某消防技术服务公司")))
                .isInstanceOf(ForbiddenException.class);
        // an account that names no body cannot accept until the administrator fills it in
        jdbc.update("update person set organisation = null where username = 'thirdparty1'");
        try {
            assertThatThrownBy(() -> inbox.complete(verification, thirdParty, new VerificationResult(true, "经评估整改到位", null)))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.getMessage()).contains("账号未登记所属单位"));
        } finally {
            jdbc.update("update person set organisation = '江南安泰安全技术服务有限公司' where username = 'thirdparty1'");
        }
        // what the form says of the acceptor is replaced by the signer's account
        inbox.complete(verification, thirdParty, new VerificationResult(true, "经评估整改到位", null, Acceptor.INSPECTOR, "随便写的单位"));
        loop.recordTask(hazard.getId(), verification, TaskKind.VERIFICATION, step(24, "Task_RecordVerification"));

        assertThat(hazards.view(hazard.getId(), inspector).verifications()).singleElement().satisfies(v -> {
            assertThat(v.getAcceptedBy()).isEqualTo(Acceptor.THIRD_PARTY);
            assertThat(v.getAcceptanceOrganisation()).isEqualTo("江南安泰安全技术服务有限公司");
        });
        assertThat(jdbc.queryForObject("select accepted_by_name from hazard where id = ?", String.class, hazard.getId()))
                .isEqualTo("韩评估（江南安泰安全技术服务有限公司）");
    }

    @Test
    void withoutAThirdPartyTheExpertAcceptsAndWithNeitherTheInspectorsNameWhoDid() {
        try {
            enable("thirdparty1", false);
            Hazard byExpert = majorAwaitingVerification();
            long expertTask = loop.openTask(byExpert.getId(), TaskKind.VERIFICATION, step(25, "Task_OpenVerificationTask")).id();
            assertThat(inbox.openTasksFor(actors.get("expert1"))).extracting(InboxTask::getId).contains(expertTask);
            inbox.complete(expertTask, actors.get("expert1"), new VerificationResult(true, "专家复核合格", null));
            loop.recordTask(byExpert.getId(), expertTask, TaskKind.VERIFICATION, step(25, "Task_RecordVerification"));
            assertThat(hazards.view(byExpert.getId(), inspector).verifications()).singleElement().satisfies(v -> {
                assertThat(v.getAcceptedBy()).isEqualTo(Acceptor.EXPERT);
                assertThat(v.getAcceptanceOrganisation()).isEqualTo("安澜县安全生产专家库");
            });

            enable("expert1", false);
            Hazard hazard = majorAwaitingVerification();
            long verification = loop.openTask(hazard.getId(), TaskKind.VERIFICATION, step(26, "Task_OpenVerificationTask")).id();
            assertThatThrownBy(() -> inbox.complete(verification, inspector, new VerificationResult(true, "已整改", null)))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("acceptedBy"));
            assertThatThrownBy(() -> inbox.complete(verification, inspector,
                    new VerificationResult(true, "已整改", null, Acceptor.THIRD_PARTY, " ")))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("acceptanceOrganisation"));
            inbox.complete(verification, inspector, new VerificationResult(true, "经第三方检测合格", null, Acceptor.THIRD_PARTY, "某消防技术服务公司"));
            loop.recordTask(hazard.getId(), verification, TaskKind.VERIFICATION, step(26, "Task_RecordVerification"));
            assertThat(hazards.view(hazard.getId(), inspector).verifications()).singleElement().satisfies(v -> {
                assertThat(v.getAcceptedBy()).isEqualTo(Acceptor.THIRD_PARTY);
                assertThat(v.getAcceptanceOrganisation()).isEqualTo("某消防技术服务公司");
            });
        } finally {
            enable("thirdparty1", true);
            enable("expert1", true);
        }
    }

    @Test
    void expertsAndThirdPartiesReportAsWhatTheyAreAndSeeOnlyTheirOwnTasks() {
        Actor expert = actors.get("expert1");
        assertThatThrownBy(() -> hazards.report(new HazardReport(institution.getId(), "配电箱无防护", null, "GEN-FIRE", false,
                HazardSource.DEPARTMENT_CHECK, today()), expert))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.getMessage()).contains("专家勘察"));
        Hazard found = hazards.report(new HazardReport(institution.getId(), "配电箱无防护", null, "GEN-FIRE", false,
                HazardSource.EXPERT, today()), expert);
        assertThat(found.getSource()).isEqualTo(HazardSource.EXPERT);

        // an inspector's task in the same county is not found by its number
        loop.recordGrading(found.getId(), GENERAL, step(27, "Task_RecordGrading"));
        long recheck = loop.openTask(found.getId(), TaskKind.RECHECK, step(27, "Task_OpenRecheckTask")).id();
        assertThat(inbox.get(recheck, inspector).getId()).isEqualTo(recheck);
        assertThatThrownBy(() -> inbox.get(recheck, expert)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> inbox.get(recheck, actors.get("thirdparty1"))).isInstanceOf(NotFoundException.class);
    }

    private Hazard majorAwaitingVerification() {
        Hazard hazard = report(inspector, institution.getId());
        loop.recordGrading(hazard.getId(), new Grading(HazardGrade.MAJOR, 60, 10, SupervisionLevel.COUNTY, true, false, 30, 3),
                step(25, "Task_RecordGrading"));
        return hazard;
    }

    private void enable(String username, boolean enabled) {
        jdbc.update("update person set enabled = ? where username = ?", enabled, username);
    }

    @Test
    void aHazardReportedLateCanStillBeAssignedADeadline() {
        Hazard late = hazards.report(new HazardReport(institution.getId(), "屋顶漏水", null, "GEN-BUILDING", false,
                HazardSource.SELF_CHECK, today().minusDays(40)), inspector);
        loop.recordGrading(late.getId(), new Grading(HazardGrade.GENERAL, 30, 5, SupervisionLevel.TOWNSHIP, false, false, 90, 10),
                step(25, "Task_RecordGrading"));
        long assignment = loop.openTask(late.getId(), TaskKind.ASSIGNMENT, step(25, "Task_OpenAssignmentTask")).id();
        Actor township = actors.get("town1");

        assertThatThrownBy(() -> inbox.complete(assignment, township, assignment(today().plusDays(31))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("deadline"));
        inbox.complete(assignment, township, assignment(today().plusDays(30)));

        assertThat(loop.recordTask(late.getId(), assignment, TaskKind.ASSIGNMENT, step(25, "Task_RecordAssignment")))
                .extracting(o -> o.dates().deadline()).isEqualTo(today().plusDays(30));
    }

    @Test
    void anOverdueHazardsExtensionMustReachBeyondToday() {
        Hazard late = hazards.report(new HazardReport(institution.getId(), "屋顶漏水", null, "GEN-BUILDING", false,
                HazardSource.SELF_CHECK, today().minusDays(40)), inspector);
        loop.recordGrading(late.getId(), new Grading(HazardGrade.GENERAL, 30, 5, SupervisionLevel.TOWNSHIP, false, false, 90, 10),
                step(26, "Task_RecordGrading"));
        loop.openTask(late.getId(), TaskKind.RECTIFICATION, step(26, "Task_OpenRectificationTask")); // deadline was 10 days ago

        assertThatThrownBy(() -> hazards.requestExtension(late.getId(), new ExtensionRequest(today().minusDays(5), "x"), manager))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.getMessage()).contains("晚于今天"));
        assertThat(hazards.requestExtension(late.getId(), new ExtensionRequest(today().plusDays(5), "材料已到"), manager)
                .getRequestedDeadline()).isEqualTo(today().plusDays(5));
    }

    private static AssignmentForm assignment(LocalDate deadline) {
        return new AssignmentForm("安澜县社会福利中心", "李建国", "修补屋顶", null, deadline, null);
    }

    @Test
    void aReboundReopensTheHazardAsALinkedNewCase() {
        Hazard hazard = report(inspector, institution.getId());
        loop.recordGrading(hazard.getId(), GENERAL, step(23, "Task_RecordGrading"));
        loop.close(hazard.getId(), step(23, "Task_CloseHazard"));

        Reopened next = loop.reopen(hazard.getId(), step(23, "Task_ReopenHazard"));

        long reopenedId = next.hazardId();
        Hazard reopened = hazards.view(reopenedId, inspector).hazard();
        assertThat(reopened.getReopenedFromId()).isEqualTo(hazard.getId());
        assertThat(reopened.getDescription()).startsWith("【回头看反弹】");
        assertThat(reopened.getSource()).isEqualTo(HazardSource.SUPERVISION);
        assertThat(next.facts().fixedOnSite()).isFalse();
        assertThat(next.facts().criterionMajor()).isFalse();
        assertThat(hazards.view(hazard.getId(), inspector).history()).extracting(HazardStatusChange::getNote)
                .anyMatch(n -> n.contains(reopened.getCode()));
    }

    @Test
    void aReportWhoseProcessDidNotStartIsWithdrawnWithoutTrace() {
        Hazard hazard = report(inspector, institution.getId());
        loop.withdrawUnstarted(hazard.getId(), "engine unavailable");
        assertThatThrownBy(() -> hazards.view(hazard.getId(), inspector)).isInstanceOf(NotFoundException.class);
    }

    private Hazard report(Actor actor, long institutionId) {
        return hazards.report(new HazardReport(institutionId, "二楼消防通道堆放杂物", "二楼走廊", "GEN-FIRE", true,
                HazardSource.DEPARTMENT_CHECK, today().minusDays(1)), actor);
    }

    /** The ledger's today (China's date on the platform's clock), whatever the machine's zone and day. */
    private LocalDate today() {
        return LedgerTime.today(clock);
    }

    private RectificationReport rectification() {
        return new RectificationReport("清理杂物，张贴禁止堆放标识", "王建国", new BigDecimal("1200.50"), today(), "整改前后照片各2张");
    }

    private static ProcessStep step(long pik, String element) {
        return new ProcessStep(JOB_KEYS.incrementAndGet(), pik, element);
    }

}
