package com.civilsafety.api.report;

import com.civilsafety.api.security.ActorUser;
import com.civilsafety.ledger.access.Actor;
import com.civilsafety.ledger.common.LedgerTime;
import com.civilsafety.ledger.hazard.HazardGrade;
import com.civilsafety.ledger.hazard.HazardList;
import com.civilsafety.ledger.hazard.HazardQuery;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import com.civilsafety.ledger.region.Region;
import com.civilsafety.ledger.region.RegionLevel;
import com.civilsafety.ledger.region.RegionRepository;
import com.civilsafety.ledger.statistics.StatisticsQuery;
import com.civilsafety.ledger.statistics.StatisticsReport;
import com.civilsafety.ledger.statistics.StatisticsService;
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
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The official forms as files: 《调度表》 with the figures of {@link StatisticsService}, 《隐患清单》 with the rows of
 * {@link HazardList}, both within the caller's data scope. The 清单 streams: its size does not bound the heap.
 */
@RestController
@RequestMapping("/api/reports")
class ReportController {
    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

    private final StatisticsService statistics;
    private final HazardList hazardList;
    private final RegionRepository regions;
    private final ObjectMapper json;
    private final Clock clock;

    ReportController(StatisticsService statistics, HazardList hazardList, RegionRepository regions, ObjectMapper json,
                     Clock clock) {
        this.statistics = statistics;
        this.hazardList = hazardList;
        this.json = json;
        this.regions = regions;
        this.clock = clock;
    }

    /** 《调度表》: one row per township of the region (the caller's unless regionId narrows it), and the 合计. */
    @GetMapping("/dispatch-table.xlsx")
    ResponseEntity<StreamingResponseBody> dispatchTable(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                                        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                                        @RequestParam(required = false) Long regionId,
                                                        @AuthenticationPrincipal ActorUser user) {
        LocalDate today = LedgerTime.today(clock);
        StatisticsReport report = statistics.figures(StatisticsQuery.withDefaults(from, to, today, regionId, null,
                StatisticsQuery.Grouping.REGION), user.actor());
        Region region = reportingRegion(regionId, user.actor()); // the statistics query has checked the region
        String unit = region == null ? "" : region.getName();
        String office = DispatchTableWorkbook.office(unit, region != null && region.getLevel() == RegionLevel.TOWNSHIP);
        return attachment(XLSX, unit + "调度表（" + report.from() + "至" + report.to() + "）.xlsx",
                out -> DispatchTableWorkbook.write(report, unit, office, today, out));
    }

    /** 《隐患清单》 as Excel: the hazards the ledger filters select (重大事故隐患清单 when grade=MAJOR). */
    @GetMapping("/hazard-list.xlsx")
    ResponseEntity<StreamingResponseBody> hazardListExcel(@ModelAttribute HazardQuery query,
                                                          @AuthenticationPrincipal ActorUser user) {
        HazardList.Selection selection = hazardList.select(query, user.actor());
        LocalDate today = LedgerTime.today(clock);
        Region region = reportingRegion(query.regionId(), user.actor());
        String unit = region == null ? "" : region.getName();
        String office = DispatchTableWorkbook.office(unit, region != null && region.getLevel() == RegionLevel.TOWNSHIP);
        String title = hazardListTitle(query);
        return attachment(XLSX, unit + title + "（" + today + "）.xlsx", out -> {
            try (HazardListWorkbook workbook = new HazardListWorkbook(title, unit, office, today)) {
                hazardList.forEach(selection, workbook);
                workbook.finish(out);
            }
        });
    }

    /** 《隐患清单》 as CSV, the same columns. */
    @GetMapping("/hazard-list.csv")
    ResponseEntity<StreamingResponseBody> hazardListCsv(@ModelAttribute HazardQuery query,
                                                        @AuthenticationPrincipal ActorUser user) {
        HazardList.Selection selection = hazardList.select(query, user.actor());
        LocalDate today = LedgerTime.today(clock);
        String unit = reportingUnit(query.regionId(), user.actor());
        return attachment(CSV, unit + hazardListTitle(query) + "（" + today + "）.csv", out -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            hazardList.forEach(selection, new HazardListCsv(writer, today));
            writer.flush();
        });
    }

    /** 《隐患清单》 for programs: a JSON array of its rows, streamed. */
    @GetMapping(value = "/hazard-list", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<StreamingResponseBody> hazardListJson(@ModelAttribute HazardQuery query,
                                                         @AuthenticationPrincipal ActorUser user) {
        HazardList.Selection selection = hazardList.select(query, user.actor());
        StreamingResponseBody body = out -> {
            try (JsonGenerator generator = json.getFactory().createGenerator(out)) {
                generator.writeStartArray();
                hazardList.forEach(selection, row -> {
                    try {
                        json.writeValue(generator, row);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
                generator.writeEndArray();
            }
        };
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
    }

    private static String hazardListTitle(HazardQuery query) {
        return query.grade() == HazardGrade.MAJOR ? "重大事故隐患清单" : "安全隐患排查整治清单";
    }

    /** The name of the region a form is filled for: the one asked for (already checked), else the caller's own. */
    private String reportingUnit(Long regionId, Actor actor) {
        Region region = reportingRegion(regionId, actor);
        return region == null ? "" : region.getName();
    }

    private Region reportingRegion(Long regionId, Actor actor) {
        return (regionId != null ? regions.findById(regionId) : regions.findByPath(actor.regionPath())).orElse(null);
    }

    static ResponseEntity<StreamingResponseBody> attachment(MediaType type, String filename, StreamingResponseBody body) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(filename, StandardCharsets.UTF_8).build().toString())
                .body(body);
    }
}
