package com.civilsafety.ledger.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import com.civilsafety.ledger.access.Actor;
import com.civilsafety.ledger.hazard.HazardGrade;
import com.civilsafety.ledger.hazard.HazardList;
import com.civilsafety.ledger.hazard.HazardListRow;
import com.civilsafety.ledger.hazard.HazardQuery;
import com.civilsafety.ledger.region.Region;
import com.civilsafety.ledger.region.RegionLevel;
import com.civilsafety.ledger.region.RegionRepository;
import com.civilsafety.ledger.testsupport.DemoActors;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * 开州区's year replayed into the ledger (seed 003: 累计排查出重大安全隐患15项、一般隐患120余项; the county's figures as
 * reported: 233 problems, 195 rectified, 15 major under 挂牌督办, accepted by a third party and all closed), over the
 * demo county's institutions, June to November 2027, with the platform's clock on 20 December 2027. The figures of the
 * statistics, the 调度表's rows and the 《重大事故隐患清单》 must agree with the numbers worked out by hand below.
 */
@SpringBootTest(properties = {"spring.datasource.url=jdbc:h2:mem:kaizhou;DB_CLOSE_DELAY=-1",
        "civil-safety.clock.start=2027-12-20T10:00+08:00"})
class KaizhouReplayTest {
    private static final LocalDate FROM = LocalDate.of(2027, 6, 1);
    private static final LocalDate TO = LocalDate.of(2027, 11, 30);

    @Autowired
    StatisticsService statistics;
    @Autowired
    HazardList hazardList;
    @Autowired
    RegionRepository regions;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DemoActors actors;

    @Test
    void theCountysYearAddsUpInEveryFigureAndForm() {
        Region county = regions.findByCode("990121").orElseThrow();
        List<Map<String, Object>> homes = jdbc.queryForList("""
                select i.id, i.region_id, i.type from institution i join region r on r.id = i.region_id
                where r.path like ? order by i.id""", county.getPath() + "%");
        // Hazard n (0…232) is found within June–November (the closed ones by 28 October), at institution n % homes:
        //   n 0–14    重大, 挂牌督办, accepted by a third party and closed 20 days after found       → 15 major, all closed
        //   n 15–194  一般, closed 10 days after found                                                → 180 more closed
        //   n 195–214 一般, open, deadline 5 days after found (found by 19 November): overdue on 30 November → 20 overdue
        //   n 215–232 一般, open, deadline 30 December: not overdue                                  → 18 open in time
        // So: found 233; rectified 15 + 180 = 195; 整改率 195 / 233 = 83.69… → 83.7 %; 未整改 233 − 195 = 38;
        // 逾期 20 (judged on 30 November, the window's end, as today is later); 挂牌督办 15, of them closed 15.
        for (int n = 0; n < 233; n++) {
            Map<String, Object> home = homes.get(n % homes.size());
            // closed ones by 28 October (closed within 20 days, inside the window), open ones any day up to 30 November
            LocalDate found = FROM.plusDays(n < 195 ? n % 150 : n % 183);
            boolean major = n < 15;
            boolean closed = n < 195;
            LocalDate deadline = n < 195 ? found.plusDays(major ? 30 : 15) : n < 215 ? found.plusDays(5) : LocalDate.of(2027, 12, 30);
            if (n >= 195 && n < 215) {
                found = LocalDate.of(2027, 11, 1).plusDays(n - 195 < 19 ? n - 195 : 18); // by 19 November, due by 24 November
                deadline = found.plusDays(5);
            }
            Instant closedAt = closed ? found.plusDays(major ? 20 : 10).atTime(15, 0).atZone(java.time.ZoneId.of("Asia/Shanghai")).toInstant() : null;
            hazard(home, n, found, major, deadline, closedAt);
        }
        Actor section = actors.get("fuli");

        StatisticsReport report = statistics.figures(new StatisticsQuery(FROM, TO, county.getId(), null,
                StatisticsQuery.Grouping.REGION), section);
        SafetyFigures total = report.total();
        assertThat(report.overdueOn()).isEqualTo(TO);
        assertThat(total.hazardsFound()).isEqualTo(233);
        assertThat(total.rectified()).isEqualTo(195);
        assertThat(total.rectificationRate()).isEqualTo(83.7);
        assertThat(total.unrectified()).isEqualTo(38);
        assertThat(total.major()).isEqualTo(15);
        assertThat(total.listedSupervision()).isEqualTo(15);
        assertThat(total.listedSupervisionClosed()).isEqualTo(15);
        assertThat(total.overdue()).isEqualTo(20);
        assertThat(total.foundByDepartmentCheck()).isEqualTo(233);

        // the 调度表: every township in code order, and its rows add up to the county's figures
        List<String> townships = regions.findByPathStartingWithAndLevelOrderByCode(county.getPath(), RegionLevel.TOWNSHIP)
                .stream().map(Region::getName).toList();
        assertThat(report.rows()).extracting(StatisticsReport.Row::label).containsExactlyElementsOf(townships);
        assertThat(report.rows().stream().map(StatisticsReport.Row::figures).reduce(SafetyFigures.NONE, SafetyFigures::plus))
                .isEqualTo(total);

        // the 《重大事故隐患清单》: the 15, each accepted by the third party and closed
        List<HazardListRow> majors = hazardList.rows(hazardList.select(new HazardQuery(county.getId(), null, null,
                HazardGrade.MAJOR, null, null, null, FROM, TO, null, null, null, null, null, null), section));
        assertThat(majors).hasSize(15).allSatisfy(row -> {
            assertThat(row.acceptedBy()).contains("第三方");
            assertThat(row.closedOn()).isNotNull();
            assertThat(row.listedSupervision()).isTrue();
        });
        // the 台账's 仅看逾期 on 30 November is the same 20
        assertThat(hazardList.rows(hazardList.select(new HazardQuery(county.getId(), null, null, null, null, null, null, null,
                null, null, null, null, null, TO, null), section))).hasSize(20);
    }

    private void hazard(Map<String, Object> home, int n, LocalDate found, boolean major, LocalDate deadline, Instant closedAt) {
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update("""
                insert into hazard (code, institution_id, region_id, institution_type, description, category, source, grade, found_on,
                                    status, rectification_deadline, listed_supervision, closed_at, accepted_by_name, accepted_on,
                                    created_at, updated_at, version)
                values (?, ?, ?, ?, '开州样例', 'FIRE', 'DEPARTMENT_CHECK', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""",
                "KZ%04d".formatted(n), home.get("ID"), home.get("REGION_ID"), home.get("TYPE"),
                major ? "MAJOR" : "GENERAL", Date.valueOf(found), closedAt == null ? "RECTIFYING" : "CLOSED", Date.valueOf(deadline),
                major, closedAt == null ? null : Timestamp.from(closedAt),
                major ? "王工（县安全生产第三方评估机构）" : closedAt == null ? null : "钱检查",
                closedAt == null ? null : Date.valueOf(found.plusDays(major ? 19 : 9)), now, now);
    }
}
