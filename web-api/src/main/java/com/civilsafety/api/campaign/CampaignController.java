package com.civilsafety.api.campaign;

import com.civilsafety.api.oplog.OperationDetail;
import com.civilsafety.api.security.ActorUser;
import com.civilsafety.engine.campaign.CampaignLaunch;
import com.civilsafety.ledger.campaign.CampaignPlan;
import com.civilsafety.ledger.campaign.CampaignProgress;
import com.civilsafety.ledger.campaign.CampaignProgressQuery;
import com.civilsafety.ledger.campaign.CampaignReminders;
import com.civilsafety.ledger.campaign.CampaignService;
import com.civilsafety.ledger.campaign.CampaignTaskForm;
import com.civilsafety.ledger.campaign.CampaignTemplate;
import com.civilsafety.ledger.campaign.CampaignView;
import com.civilsafety.ledger.campaign.InstitutionCampaignWork;
import com.civilsafety.ledger.campaign.MonthlyDispatch;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** 专项行动: the seed plans as templates, campaigns created from them or from scratch, their schedules. */
@RestController
class CampaignController {
    private final CampaignService campaigns;
    private final CampaignLaunch launch;
    private final CampaignProgressQuery progress;
    private final CampaignReminders reminders;
    private final MonthlyDispatch dispatch;

    CampaignController(CampaignService campaigns, CampaignLaunch launch, CampaignProgressQuery progress,
                       CampaignReminders reminders, MonthlyDispatch dispatch) {
        this.reminders = reminders;
        this.dispatch = dispatch;
        this.campaigns = campaigns;
        this.launch = launch;
        this.progress = progress;
    }

    record Reason(String reason) {
    }

    /** laterPhasesFollow: the phases after this one move by as many days as its end moves */
    record Reschedule(LocalDate startsOn, LocalDate endsOn, Boolean laterPhasesFollow, String reason) {
    }

    /** A template's plan for a year, with the monthly dispatch it would run (months, dates, which report). */
    record Template(String code, String label, CampaignPlan plan, List<CampaignDetails.Dispatch> dispatches) {
    }

    record FromTemplate(@NotNull(message = "必须选择模板") CampaignTemplate templateCode,
                        @NotNull(message = "必须填写年份") Integer year,
                        @Size(max = 128, message = "行动名称不能超过128字") String name) {
    }

    /** The templates with their schedule for a year, scoped to the caller's region. */
    @GetMapping("/api/campaign-templates")
    List<Template> templates(@RequestParam int year, @AuthenticationPrincipal ActorUser user) {
        return Arrays.stream(CampaignTemplate.values()).map(t -> {
            CampaignPlan plan = campaigns.planFromTemplate(t, year, user.actor());
            return new Template(t.name(), t.label(), plan, dispatch.preview(plan).stream().map(CampaignDetails.Dispatch::of).toList());
        }).toList();
    }

    /**
     * 调度日程预览: the months of a plan being written, with the dates each month's reports open, are reminded and are
     * due (the county's office hours and working days), and whether each would report. The plan need not be complete.
     */
    @PostMapping("/api/campaigns/dispatch-preview")
    List<CampaignDetails.Dispatch> dispatchPreview(@RequestBody CampaignPlan plan) {
        return dispatch.preview(plan).stream().map(CampaignDetails.Dispatch::of).toList();
    }

    @PostMapping("/api/campaigns")
    ResponseEntity<CampaignDetails> create(@Valid @RequestBody CampaignPlan plan, @AuthenticationPrincipal ActorUser user) {
        return created(launch.deploy(plan, user.actor()), user);
    }

    /** 按模板部署: the template's schedule for the year, over the caller's region and every institution type. */
    @PostMapping("/api/campaigns/from-template")
    ResponseEntity<CampaignDetails> createFromTemplate(@Valid @RequestBody FromTemplate request,
                                                       @AuthenticationPrincipal ActorUser user) {
        CampaignPlan plan = campaigns.planFromTemplate(request.templateCode(), request.year(), user.actor());
        if (request.name() != null && !request.name().isBlank()) {
            plan = plan.named(request.name());
        }
        return created(launch.deploy(plan, user.actor()), user);
    }

    @GetMapping("/api/campaigns")
    List<CampaignDetails> list(@AuthenticationPrincipal ActorUser user) {
        return campaigns.list(user.actor()).stream().map(v -> CampaignDetails.of(v, user.actor())).toList();
    }

    @GetMapping("/api/campaigns/{id}")
    CampaignDetails get(@PathVariable long id, @AuthenticationPrincipal ActorUser user) {
        return CampaignDetails.of(campaigns.get(id, user.actor()), user.actor());
    }

    /** 进度: per phase and deliverable, per township and institution type — owed, submitted, late, open. */
    @GetMapping("/api/campaigns/{id}/progress")
    CampaignProgress progress(@PathVariable long id, @AuthenticationPrincipal ActorUser user) {
        return progress.progress(id, user.actor());
    }

    /** 提前结束 a running phase; what is still open is escalated as at its end. */
    @PostMapping("/api/campaigns/{id}/phases/{ordinal}/close")
    CampaignDetails closePhase(@PathVariable long id, @PathVariable int ordinal, @RequestBody Reason body,
                               @AuthenticationPrincipal ActorUser user) {
        launch.closePhaseEarly(id, ordinal, body.reason(), user.actor());
        return get(id, user);
    }

    /** 调整阶段时间: the running process waits for the new dates. */
    @PostMapping("/api/campaigns/{id}/phases/{ordinal}/reschedule")
    CampaignDetails reschedulePhase(@PathVariable long id, @PathVariable int ordinal, @RequestBody Reschedule body,
                                    @AuthenticationPrincipal ActorUser user) {
        launch.reschedulePhase(id, ordinal, body.startsOn(), body.endsOn(), Boolean.TRUE.equals(body.laterPhasesFollow()),
                body.reason(), user.actor());
        return get(id, user);
    }

    record DispatchMonths(List<String> months, String reason) {
    }

    /** 调整调度月份: which months' 《清单》《调度表》 are reported, until each month's reports open. */
    @PostMapping("/api/campaigns/{id}/dispatch-months")
    CampaignDetails changeDispatchMonths(@PathVariable long id, @RequestBody DispatchMonths body,
                                         @AuthenticationPrincipal ActorUser user, HttpServletRequest request) {
        CampaignService.MonthsChange change = campaigns.changeDispatchMonths(id, body.months(), body.reason(), user.actor());
        OperationDetail.describe(request, "调整调度月份：由 " + listed(change.before()) + " 改为 " + listed(change.after())
                + "；原因：" + change.reason());
        return get(id, user);
    }

    private static String listed(List<String> months) {
        return months.isEmpty() ? "不按月调度" : String.join("、", months);
    }

    /** 撤销行动, with the reason recorded; open work is withdrawn, hazards found stay in their loops. */
    @PostMapping("/api/campaigns/{id}/cancel")
    CampaignDetails cancel(@PathVariable long id, @RequestBody Reason body, @AuthenticationPrincipal ActorUser user) {
        launch.cancel(id, body.reason(), user.actor());
        return get(id, user);
    }

    /** 未提交名单: the open work of a phase or deliverable (its progress slot), in the caller's scope. */
    @GetMapping("/api/campaigns/{id}/outstanding")
    List<CampaignReminders.Outstanding> outstanding(@PathVariable long id, @RequestParam String slot,
                                                    @AuthenticationPrincipal ActorUser user) {
        return reminders.outstanding(id, slot, user.actor());
    }

    record Reminder(@NotBlank(message = "必须指明催办哪一项工作") String slot, List<Long> taskIds,
                    @Size(max = 200, message = "催办内容不能超过200字") String message) {
    }

    record Reminded(int reminded) {
    }

    /** 催办: reminds those who have not submitted (the given tasks, or all of the slot's in the caller's scope). */
    @PostMapping("/api/campaigns/{id}/reminders")
    Reminded remind(@PathVariable long id, @Valid @RequestBody Reminder body, @AuthenticationPrincipal ActorUser user) {
        return new Reminded(reminders.remind(id, body.slot(), body.taskIds(), body.message(), user.actor()));
    }

    /** The form of a campaign task: the checklist of a self-check, the draft of a summary. */
    @GetMapping("/api/campaign-tasks/{taskId}")
    CampaignTaskForm taskForm(@PathVariable long taskId, @AuthenticationPrincipal ActorUser user) {
        return progress.taskForm(taskId, user.actor());
    }

    /** An institution's part in campaigns (unannounced inspections hidden from the institution itself). */
    @GetMapping("/api/institutions/{id}/campaigns")
    List<InstitutionCampaignWork> ofInstitution(@PathVariable long id, @AuthenticationPrincipal ActorUser user) {
        return progress.ofInstitution(id, user.actor());
    }

    private static ResponseEntity<CampaignDetails> created(CampaignView view, ActorUser user) {
        return ResponseEntity.created(URI.create("/api/campaigns/" + view.campaign().getId())).body(CampaignDetails.of(view, user.actor()));
    }
}
