package com.civilsafety.ledger.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.civilsafety.ledger.access.Actor;
import com.civilsafety.ledger.common.ForbiddenException;
import com.civilsafety.ledger.common.InvalidInputException;
import com.civilsafety.ledger.criterion.HazardCategory;
import com.civilsafety.ledger.institution.Institution;
import com.civilsafety.ledger.institution.InstitutionRepository;
import com.civilsafety.ledger.institution.InstitutionType;
import com.civilsafety.ledger.region.Region;
import com.civilsafety.ledger.region.RegionLevel;
import com.civilsafety.ledger.region.RegionRepository;
import com.civilsafety.ledger.testsupport.DemoActors;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The figure definitions of docs/statistics.md against a hand-computed fixture: a township of its own with two
 * institutions, seven hazards around March 2027, some campaign work and rewards, the expected figures worked out by hand
 * below. The platform's clock stands at 20 April 2027, so that 逾期 has a "today" inside a window reaching beyond it.
 */
@SpringBootTest(properties = {"spring.datasource.url=jdbc:h2:mem:statistics;DB_CLOSE_DELAY=-1", // its own township and institutions
        "civil-safety.clock.start=2027-04-20T10:00+08:00"})
class StatisticsServiceTest {
    private static final LocalDate MARCH_1 = LocalDate.of(2027, 3, 1);
    private static final LocalDate MARCH_31 = LocalDate.of(2027, 3, 31);

    @Autowired
    StatisticsService statistics;
    @Autowired
    RegionRepository regions;
    @Autowired
    InstitutionRepository institutions;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DemoActors actors;

    @Test
    void theFiguresOfAMonthAreTheOnesWorkedOutByHand() {
        Region county = regions.findByCode("990121").orElseThrow();
        Region township = regions.save(new Region("990121999", "统计镇", RegionLevel.TOWNSHIP, county));
        Institution home = institutions.save(new Institution("TJ001", "统计镇敬老院", InstitutionType.ELDERLY_CARE, township,
                null, 40, Instant.now()));
        Institution funeral = institutions.save(new Institution("TJ002", "统计镇公墓", InstitutionType.FUNERAL, township,
                null, 0, Instant.now()));
        // id: found on, source, grade, listed, deadline, closed at (UTC) — and what each counts for in March (China dates)
        hazard(home, "2027-03-05", "SELF_CHECK", "GENERAL", false, "2027-03-25", "2027-03-20T02:00:00Z"); // found, rectified
        hazard(home, "2027-03-10", "DEPARTMENT_CHECK", "MAJOR", true, "2027-03-15", null);               // found, major, listed, overdue
        hazard(home, "2027-03-31", "WHISTLEBLOWER", "GENERAL", false, "2027-04-10", "2027-03-31T20:00:00Z"); // found; closed 04-01 in China
        hazard(home, "2027-02-20", "SELF_CHECK", "GENERAL", false, "2027-03-01", null);                  // February; overdue in March
        hazard(home, "2027-03-12", "SELF_CHECK", "MAJOR", true, "2027-04-12", "2027-03-30T01:00:00Z");   // found, major, listed, rectified
        hazard(funeral, "2027-03-15", "EXPERT", "GENERAL", false, "2027-04-30", null);                  // found
        hazard(funeral, "2027-04-02", "SELF_CHECK", "GENERAL", false, "2027-03-20", null);               // April: nothing in March
        long campaign = campaign();
        work(campaign, "S1", "SELF_CHECK", home, "SUBMITTED", "2027-03-03T02:00:00Z", null);
        // two inspections of the home by one team (检查组), one of the cemetery by another
        work(campaign, "I1", "INSPECTION", home, "SUBMITTED", "2027-03-10T02:00:00Z", "11,12");
        work(campaign, "I3", "INSPECTION", home, "SUBMITTED", "2027-03-25T02:00:00Z", "11,12");
        work(campaign, "I2", "INSPECTION", funeral, "SUBMITTED", "2027-03-11T02:00:00Z", "13,14");
        work(campaign, "S2", "SELF_CHECK", funeral, "OPEN", null, null);
        work(campaign, "S3", "SELF_CHECK", funeral, "SUBMITTED", "2027-04-01T02:00:00Z", null);
        // 举报奖励: 200.50 granted in March; 500 granted at 01:00 on 1 April in China (17:00 UTC on 31 March)
        reward(home, "200.50", "2027-03-15T02:00:00Z");
        reward(home, "500.00", "2027-03-31T17:00:00Z");
        // 帮扶指导: two visits to the home in March, one to the cemetery in February
        helpVisit(home, "2027-03-02");
        helpVisit(home, "2027-03-31");
        helpVisit(funeral, "2027-02-27");
        Actor section = actors.get("fuli");

        StatisticsReport byType = statistics.figures(new StatisticsQuery(MARCH_1, MARCH_31, township.getId(), null,
                StatisticsQuery.Grouping.INSTITUTION_TYPE), section);

        // checked, inspections, groups, found, self-check, department, expert, otherwise (the report), major, rectified,
        // rate, overdue (judged on 31 March: the window ends before today), listed, listed closed, reports, rewards,
        // amount, help visits
        assertThat(byType.overdueOn()).isEqualTo(MARCH_31);
        assertThat(byType.total()).isEqualTo(new SafetyFigures(2, 3, 2, 5, 2, 1, 1, 1, 2, 2, 40.0, 2, 2, 1, 1, 1,
                new BigDecimal("200.50"), 2));
        assertThat(byType.total().unrectified()).isEqualTo(3);
        assertThat(byType.rows()).extracting(StatisticsReport.Row::key).containsExactly("ELDERLY_CARE", "FUNERAL");
        SafetyFigures homes = byType.rows().get(0).figures();
        assertThat(homes).isEqualTo(new SafetyFigures(1, 2, 1, 4, 2, 1, 0, 1, 2, 2, 50.0, 2, 2, 1, 1, 1,
                new BigDecimal("200.50"), 2));
        SafetyFigures funerals = byType.rows().get(1).figures();
        assertThat(funerals).isEqualTo(new SafetyFigures(1, 1, 1, 1, 0, 0, 1, 0, 0, 0, 0.0, 0, 0, 0, 0, 0, BigDecimal.ZERO, 0));

        StatisticsReport byRegion = statistics.figures(new StatisticsQuery(MARCH_1, MARCH_31, township.getId(), null,
                StatisticsQuery.Grouping.REGION), section);
        assertThat(byRegion.rows()).singleElement().satisfies(r -> {
            assertThat(r.label()).isEqualTo("统计镇");
            assertThat(r.figures()).isEqualTo(byType.total());
        });

        // a window reaching past today judges 逾期 today (20 April): the cemetery's April hazard, due 20 March, and the
        // two open March ones; not the expert's finding due 30 April, which a judgement on 31 December would count
        StatisticsReport throughYearEnd = statistics.figures(new StatisticsQuery(MARCH_1, LocalDate.of(2027, 12, 31),
                township.getId(), null, null), section);
        assertThat(throughYearEnd.overdueOn()).isEqualTo(LocalDate.of(2027, 4, 20));
        assertThat(throughYearEnd.total().overdue()).isEqualTo(3);

        // the county's 调度表: every township, records or not, in administrative-code order, then the county bureau's
        // own institutions (直属机构)
        institutions.save(new Institution("TJ003", "县社会福利院", InstitutionType.CHILD_WELFARE, county, null, 60, Instant.now()));
        StatisticsReport countyTable = statistics.figures(new StatisticsQuery(MARCH_1, MARCH_31, county.getId(), null,
                StatisticsQuery.Grouping.REGION), section);
        List<Region> townships = regions.findByPathStartingWithAndLevelOrderByCode(county.getPath(), RegionLevel.TOWNSHIP);
        List<String> expected = new ArrayList<>(townships.stream().map(Region::getName).toList());
        expected.add(county.getName() + "直属机构");
        assertThat(countyTable.rows()).extracting(StatisticsReport.Row::label).containsExactlyElementsOf(expected);
        assertThat(townships.getLast().getName()).isEqualTo("统计镇");
        assertThat(countyTable.rows().get(townships.size() - 1).figures()).isEqualTo(byType.total());
        assertThat(countyTable.rows().getLast().figures()).isEqualTo(SafetyFigures.NONE);

        // the first of March alone: nothing found, and the February hazard due that very day is not overdue yet
        SafetyFigures firstDay = statistics.figures(new StatisticsQuery(MARCH_1, MARCH_1, township.getId(), null, null), section).total();
        assertThat(firstDay.hazardsFound()).isZero();
        assertThat(firstDay.rectificationRate()).isNull();
        assertThat(firstDay.overdue()).as("a deadline is met until the end of its day").isZero();

        MonthlyTrend trend = statistics.monthly(new StatisticsQuery(LocalDate.of(2027, 2, 1), LocalDate.of(2027, 4, 30),
                township.getId(), null, null), section);
        assertThat(trend.months()).extracting(MonthlyTrend.Month::month).containsExactly("2027-02", "2027-03", "2027-04");
        assertThat(trend.months()).extracting(MonthlyTrend.Month::hazardsFound).containsExactly(1L, 5L, 1L);
        assertThat(trend.months()).extracting(MonthlyTrend.Month::rectified).containsExactly(0L, 3L, 0L);
        assertThat(trend.months().get(1).rectificationRate()).isEqualTo(60.0);

        // by category: the whistleblower's hazard is electrical, the expert's a building one, the rest fire hazards
        jdbc.update("update hazard set category = 'ELECTRICAL' where region_id = ? and source = 'WHISTLEBLOWER'", township.getId());
        jdbc.update("update hazard set category = 'BUILDING' where region_id = ? and source = 'EXPERT'", township.getId());
        CategoryFigures categories = statistics.byCategory(new StatisticsQuery(MARCH_1, MARCH_31, township.getId(), null, null), section);
        assertThat(categories.categories()).hasSize(HazardCategory.values().length);
        assertThat(category(categories, "FIRE")).isEqualTo(new CategoryFigures.Category("FIRE", "消防", 3, 2, 2, 66.7));
        assertThat(category(categories, "ELECTRICAL")).isEqualTo(new CategoryFigures.Category("ELECTRICAL", "电气", 1, 0, 0, 0.0));
        assertThat(category(categories, "BUILDING")).isEqualTo(new CategoryFigures.Category("BUILDING", "房屋建筑", 1, 0, 0, 0.0));
        assertThat(category(categories, "GAS").hazardsFound()).isZero();
        assertThat(category(categories, "GAS").rectificationRate()).isNull();
        assertThat(categories.categories().stream().mapToLong(CategoryFigures.Category::hazardsFound).sum())
                .isEqualTo(byType.total().hazardsFound());
    }

    private static CategoryFigures.Category category(CategoryFigures figures, String category) {
        return figures.categories().stream().filter(c -> c.category().equals(category)).findFirst().orElseThrow();
    }

    @Test
    void badWindowsAndScopesAreRefused() {
        Actor section = actors.get("fuli");
        assertThatThrownBy(() -> statistics.figures(new StatisticsQuery(MARCH_31, MARCH_1, null, null, null), section))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("to"));
        assertThatThrownBy(() -> statistics.figures(new StatisticsQuery(null, MARCH_1, null, null, null), section))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("from"));
        assertThatThrownBy(() -> statistics.figures(new StatisticsQuery(MARCH_1, MARCH_1.plusYears(4), null, null, null), section))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("to"));
        long town2 = regions.findByPathStartingWithAndLevelOrderByCode(regions.findByCode("990121").orElseThrow().getPath(),
                RegionLevel.TOWNSHIP).get(1).getId();
        assertThatThrownBy(() -> statistics.figures(new StatisticsQuery(MARCH_1, MARCH_31, town2, null, null), actors.get("town1")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("regionId"));
        assertThatThrownBy(() -> statistics.figures(new StatisticsQuery(MARCH_1, MARCH_31, null, null, null), actors.get("inst001")))
                .isInstanceOf(ForbiddenException.class);
    }

    private void helpVisit(Institution institution, String visitedOn) {
        Long person = jdbc.queryForObject("select id from person where username = 'fuli'", Long.class);
        jdbc.update("""
                insert into help_visit (institution_id, region_id, visited_on, visitors, content, recorded_by, recorded_at)
                values (?, ?, ?, '县局福利股', '指导消防设施维护', ?, ?)""", institution.getId(), institution.getRegion().getId(),
                LocalDate.parse(visitedOn), person, Timestamp.from(Instant.now()));
    }

    private void hazard(Institution institution, String foundOn, String source, String grade, boolean listed,
                        String deadline, String closedAt) {
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update("""
                insert into hazard (institution_id, region_id, institution_type, description, category, source, grade, found_on,
                                    status, rectification_deadline, listed_supervision, closed_at, created_at, updated_at, version)
                values (?, ?, ?, '统计样例', 'FIRE', ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""",
                institution.getId(), institution.getRegion().getId(), institution.getType().name(), source, grade, LocalDate.parse(foundOn),
                closedAt == null ? "RECTIFYING" : "CLOSED", LocalDate.parse(deadline), listed,
                closedAt == null ? null : Timestamp.from(Instant.parse(closedAt)), now, now);
    }

    private long campaign() {
        jdbc.update("""
                insert into campaign (name, lead_organisation, status, created_by, created_at, version)
                values ('统计样例行动', '安澜县民政局', 'ACTIVE', ?, ?, 0)""", actors.get("fuli").personId(), Timestamp.from(Instant.now()));
        return jdbc.queryForObject("select max(id) from campaign", Long.class);
    }

    private void work(long campaign, String owner, String kind, Institution institution, String status, String submittedAt,
                      String inspectorIds) {
        jdbc.update("""
                insert into campaign_work (campaign_id, slot, kind, owner_key, region_id, institution_id, due_on, status,
                                           late, reminders, submitted_at, inspector_ids)
                values (?, 'P1', ?, ?, ?, ?, ?, ?, false, 0, ?, ?)""", campaign, kind, owner, institution.getRegion().getId(),
                institution.getId(), MARCH_31, status, submittedAt == null ? null : Timestamp.from(Instant.parse(submittedAt)),
                inspectorIds);
    }

    private void reward(Institution institution, String amount, String decidedAt) {
        Timestamp at = Timestamp.from(Instant.parse(decidedAt));
        jdbc.update("""
                insert into whistleblower_report (tracking_code, institution_id, region_id, description, reporter_kind, status,
                                                  reward_amount, reward_decided_at, submitted_at, updated_at)
                values (?, ?, ?, '统计样例举报', 'STAFF', 'CLOSED', ?, ?, ?, ?)""", "TJ" + amount, institution.getId(),
                institution.getRegion().getId(), new BigDecimal(amount), at, at, at);
    }
}
