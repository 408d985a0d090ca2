package com.civilsafety.app.monitoring;

import com.civilsafety.ledger.common.LedgerTime;
import com.civilsafety.engine.step.UnrecordedIncidents;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * What a supervisor of the platform watches, as Prometheus gauges read from the ledger: open and overdue hazards, late
 * reports, the deadlines the engine's timers wait for, incidents. Counted once a minute (not per scrape: a scrape must
 * stay cheap), in a few grouped queries; when the database is away the last values stay and
 * {@code civil_safety_ledger_metrics_age_seconds} grows.
 */
@Component
class LedgerMetrics {
    /** Overdue as the 台账's 逾期 filter counts it (HazardStatus.overdueOn): past the deadline and not closed. */
    private static final String NOT_CLOSED = "closed_at is null";
    private static final Logger log = LoggerFactory.getLogger(LedgerMetrics.class);

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final MultiGauge openHazards;
    private final MultiGauge overdueHazards;
    private final MultiGauge lateReports;
    private final MultiGauge lateReportsOldestDays;
    private final MultiGauge watchedDeadlines;
    private final AtomicLong openIncidents = new AtomicLong();
    private final AtomicLong refreshedAt = new AtomicLong();

    LedgerMetrics(JdbcTemplate jdbc, Clock clock, MeterRegistry registry, UnrecordedIncidents heldIncidents) {
        this.jdbc = jdbc;
        this.clock = clock;
        openHazards = MultiGauge.builder("civil_safety.hazards.open").description("未销号隐患，按状态").register(registry);
        overdueHazards = MultiGauge.builder("civil_safety.hazards.overdue")
                .description("整改期限已过仍未销号的隐患，按督办级别（0 未督办，1 逾期通报，2 约谈）").register(registry);
        lateReports = MultiGauge.builder("civil_safety.reports.late").description("已过报送期限仍未报送的工作，按类别").register(registry);
        lateReportsOldestDays = MultiGauge.builder("civil_safety.reports.late.oldest.days")
                .description("最早一项逾期未报的工作已逾期天数，按类别").register(registry);
        watchedDeadlines = MultiGauge.builder("civil_safety.deadlines.watched")
                .description("引擎计时器等待中的期限：整改期限、阶段截止").register(registry);
        Gauge.builder("civil_safety.incidents.open", openIncidents, AtomicLong::get).description("流程故障（未处理）").register(registry);
        Gauge.builder("civil_safety.incidents.held", heldIncidents, UnrecordedIncidents::held)
                .description("数据库不可用期间暂存、尚未写入流程故障列表的故障").register(registry);
        Gauge.builder("civil_safety.ledger.metrics.age", refreshedAt,
                        at -> at.get() == 0 ? Double.NaN : (clock.millis() - at.get()) / 1000.0)
                .baseUnit("seconds").description("these gauges were last counted this long ago").register(registry);
    }

    @Scheduled(fixedDelayString = "${civil-safety.metrics.refresh:PT1M}", initialDelayString = "PT1S")
    void refresh() {
        LocalDate today = LedgerTime.today(clock);
        Date todayDate = Date.valueOf(today);
        try {
            openHazards.register(rows("select status, count(*) from hazard where status <> 'CLOSED' group by status",
                    "status"), true);
            overdueHazards.register(rows("select escalation_level, count(*) from hazard where " + NOT_CLOSED
                    + " and rectification_deadline < ? group by escalation_level", "level", todayDate), true);
            lateReports.register(rows("select kind, count(*) from campaign_work where status = 'OPEN' and due_on < ? "
                    + "group by kind", "kind", todayDate), true);
            lateReportsOldestDays.register(jdbc.query("select kind, min(due_on) from campaign_work where status = 'OPEN' "
                    + "and due_on < ? group by kind", (rs, i) -> MultiGauge.Row.of(Tags.of("kind", rs.getString(1)),
                    ChronoUnit.DAYS.between(rs.getDate(2).toLocalDate(), today)), todayDate), true);
            watchedDeadlines.register(List.of(
                    MultiGauge.Row.of(Tags.of("kind", "rectification"), count("select count(*) from hazard "
                            + "where status = 'RECTIFYING' and rectification_deadline >= ?", todayDate)),
                    MultiGauge.Row.of(Tags.of("kind", "phase"), count("select count(*) from campaign_phase "
                            + "where status in ('PLANNED', 'OPEN') and ends_on >= ?", todayDate))), true);
            openIncidents.set(count("select count(*) from job_incident where status = 'OPEN'"));
            refreshedAt.set(clock.millis());
        } catch (DataAccessException e) {
            log.warn("ledger metrics not counted ({}); the last values stay", e.toString());
        }
    }

    private List<MultiGauge.Row<?>> rows(String sql, String tag, Object... args) {
        return jdbc.query(sql, (rs, i) -> MultiGauge.Row.of(Tags.of(tag, rs.getString(1)), rs.getLong(2)), args);
    }

    private long count(String sql, Object... args) {
        Long count = jdbc.queryForObject(sql, Long.class, args);
        return count == null ? 0 : count;
    }
}
