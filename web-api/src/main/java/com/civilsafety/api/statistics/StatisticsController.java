package com.civilsafety.api.statistics;

import com.civilsafety.api.security.ActorUser;
import com.civilsafety.ledger.common.LedgerTime;
import com.civilsafety.ledger.institution.InstitutionType;
import com.civilsafety.ledger.statistics.CategoryFigures;
import com.civilsafety.ledger.statistics.MonthlyTrend;
import com.civilsafety.ledger.statistics.StatisticsQuery;
import com.civilsafety.ledger.statistics.StatisticsReport;
import com.civilsafety.ledger.statistics.StatisticsService;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * 统计: the figures of docs/statistics.md within the caller's data scope, for a window of dates (this year so far
 * unless given), grouped by township or institution type, and the monthly trend for the dashboard.
 */
@RestController
@RequestMapping("/api/statistics")
class StatisticsController {
    private final StatisticsService statistics;
    private final Clock clock;

    StatisticsController(StatisticsService statistics, Clock clock) {
        this.statistics = statistics;
        this.clock = clock;
    }

    @GetMapping
    StatisticsReport figures(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                             @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                             @RequestParam(required = false) Long regionId,
                             @RequestParam(required = false) InstitutionType institutionType,
                             @RequestParam(defaultValue = "NONE") StatisticsQuery.Grouping groupBy,
                             @AuthenticationPrincipal ActorUser user) {
        return statistics.figures(query(from, to, regionId, institutionType, groupBy), user.actor());
    }

    @GetMapping("/monthly")
    MonthlyTrend monthly(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                         @RequestParam(required = false) Long regionId,
                         @RequestParam(required = false) InstitutionType institutionType,
                         @AuthenticationPrincipal ActorUser user) {
        return statistics.monthly(query(from, to, regionId, institutionType, null), user.actor());
    }

    /** Hazards found per category (类别), for the dashboard's chart. */
    @GetMapping("/categories")
    CategoryFigures categories(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                               @RequestParam(required = false) Long regionId,
                               @RequestParam(required = false) InstitutionType institutionType,
                               @AuthenticationPrincipal ActorUser user) {
        return statistics.byCategory(query(from, to, regionId, institutionType, null), user.actor());
    }

    private StatisticsQuery query(LocalDate from, LocalDate to, Long regionId, InstitutionType type,
                                  StatisticsQuery.Grouping groupBy) {
        return StatisticsQuery.withDefaults(from, to, LedgerTime.today(clock), regionId, type, groupBy);
    }
}
