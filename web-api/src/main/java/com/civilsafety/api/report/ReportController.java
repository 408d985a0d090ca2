package com.civilsafety.api.report;

import com.civilsafety.api.security.ActorUser;
import com.civilsafety.ledger.common.LedgerTime;
import com.civilsafety.ledger.region.Region;
import com.civilsafety.ledger.region.RegionRepository;
import com.civilsafety.ledger.statistics.StatisticsQuery;
import com.civilsafety.ledger.statistics.StatisticsReport;
import com.civilsafety.ledger.statistics.StatisticsService;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The official forms as Excel files, their figures from {@link StatisticsService} within the caller's scope. */
@RestController
@RequestMapping("/api/reports")
class ReportController {
    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final StatisticsService statistics;
    private final RegionRepository regions;
    private final Clock clock;

    ReportController(StatisticsService statistics, RegionRepository regions, Clock clock) {
        this.statistics = statistics;
        this.regions = regions;
        this.clock = clock;
    }

    /** 《调度表》: one row per township of the region (the caller's unless regionId narrows it), and the 合计. */
    @GetMapping("/dispatch-table.xlsx")
    ResponseEntity<byte[]> dispatchTable(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                         @RequestParam(required = false) Long regionId,
                                         @AuthenticationPrincipal ActorUser user) throws IOException {
        LocalDate today = LedgerTime.today(clock);
        StatisticsReport report = statistics.figures(StatisticsQuery.withDefaults(from, to, today, regionId, null,
                StatisticsQuery.Grouping.REGION), user.actor());
        // the scope was checked by the statistics query: the region is the asked one or the caller's own
        String unit = (regionId != null ? regions.findById(regionId) : regions.findByPath(user.actor().regionPath()))
                .map(Region::getName).orElse("");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DispatchTableWorkbook.write(report, unit, today, out);
        return ResponseEntity.ok().contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(unit + "调度表（" + report.from() + "至" + report.to() + "）.xlsx", StandardCharsets.UTF_8)
                        .build().toString())
                .body(out.toByteArray());
    }
}
