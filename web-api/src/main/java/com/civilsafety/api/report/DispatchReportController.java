package com.civilsafety.api.report;

import com.civilsafety.api.security.ActorUser;
import com.civilsafety.ledger.campaign.DispatchConfirmation;
import com.civilsafety.ledger.campaign.DispatchPeriod;
import com.civilsafety.ledger.campaign.DispatchReportContent;
import com.civilsafety.ledger.campaign.DispatchReports;
import com.civilsafety.ledger.common.RectificationRate;
import com.civilsafety.ledger.statistics.SafetyFigures;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Submitted monthly dispatch reports, as they were sent: listed per campaign, read whole, or downloaded as the two
 * forms. A township sees its own reports; county and city roles those of their region.
 */
@RestController
class DispatchReportController {
    private final DispatchReports reports;

    DispatchReportController(DispatchReports reports) {
        this.reports = reports;
    }

    @GetMapping("/api/campaigns/{campaignId}/dispatch-reports")
    List<DispatchReports.Summary> list(@PathVariable long campaignId, @AuthenticationPrincipal ActorUser user) {
        return reports.ofCampaign(campaignId, user.actor());
    }

    @GetMapping("/api/dispatch-reports/{id}")
    DispatchReportContent get(@PathVariable long id, @AuthenticationPrincipal ActorUser user) {
        return reports.content(id, user.actor());
    }

    @GetMapping("/api/dispatch-reports/{id}/dispatch-table.xlsx")
    ResponseEntity<StreamingResponseBody> dispatchTable(@PathVariable long id, @AuthenticationPrincipal ActorUser user) {
        DispatchReportContent report = reports.content(id, user.actor());
        DispatchPeriod period = new DispatchPeriod(report.reportMonth());
        return ReportController.attachment(ReportController.XLSX, report.region() + period.shortLabel() + "调度表.xlsx",
                out -> DispatchTableWorkbook.write(report.table(), report.region(), period.titleLabel(),
                        DispatchReportContent.DIRECTLY_RUN.equals(report.level()) ? "填报单位" : "乡镇", office(report),
                        report.submittedOn(), remarks(report), report.signedBy(), out));
    }

    @GetMapping("/api/dispatch-reports/{id}/hazard-list.xlsx")
    ResponseEntity<StreamingResponseBody> hazardList(@PathVariable long id, @AuthenticationPrincipal ActorUser user) {
        DispatchReportContent report = reports.content(id, user.actor());
        DispatchPeriod period = new DispatchPeriod(report.reportMonth());
        return ReportController.attachment(ReportController.XLSX, report.region() + period.shortLabel() + "重大事故隐患清单.xlsx", out -> {
            try (HazardListWorkbook workbook = new HazardListWorkbook(period.titleLabel() + "重大事故隐患清单", report.region(),
                    office(report), report.submittedOn())) {
                report.hazards().forEach(workbook);
                workbook.finish(out, report.signedBy());
            }
        });
    }

    /** 填报单位: a township's 民政办, the county's 民政局, a section (its 民政局's), or the directly-run institution itself. */
    private static String office(DispatchReportContent report) {
        return switch (report.level()) {
            case DispatchReportContent.DIRECTLY_RUN, DispatchReportContent.FIELD -> report.region();
            case DispatchReportContent.TOWNSHIP -> DispatchTableWorkbook.office(report.region(), true);
            default -> DispatchTableWorkbook.office(report.region(), false);
        };
    }

    /** 备注 under the table: each correction beside the ledger's figure, the units that did not report, the notes. */
    private static List<String> remarks(DispatchReportContent report) {
        List<String> remarks = new ArrayList<>();
        for (DispatchConfirmation.Correction c : report.corrections()) {
            remarks.add("更正：" + SafetyFigures.CORRECTABLE_LABELS.get(c.field()) + " 台账数 " + report.ledgerTotal().get(c.field())
                    + "，报送数 " + c.value() + "。原因：" + c.reason());
        }
        if (!report.unitsNotSubmitted().isEmpty()) {
            // a field's figures are the ledger's whoever reported; a consolidation takes the ledger's for these units
            remarks.add((report.level().equals(DispatchReportContent.FIELD) ? "截至汇总时尚未报送的单位：" : "未报送单位（按台账数汇总）：")
                    + String.join("、", report.unitsNotSubmitted()));
        }
        if (!report.fields().isEmpty()) {
            remarks.add("各股室本领域汇总：" + String.join("；", report.fields().stream().map(f -> f.label() + " 发现隐患"
                    + f.figures().hazardsFound() + "、其中重大" + f.figures().major() + "、已整改" + f.figures().rectified()).toList()));
        }
        if (report.notes() != null && !report.notes().isBlank()) {
            remarks.add("填报说明：" + report.notes().strip());
        }
        remarks.add("台账整改率 " + RectificationRate.format(report.ledgerTotal().rectificationRate())
                + "，报送整改率 " + RectificationRate.format(report.table().total().rectificationRate()));
        return remarks;
    }
}
