package com.civilsafety.ledger.statistics;

import com.civilsafety.ledger.common.RectificationRate;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The figures of the 调度表 and the dashboard for one group (a township, an institution type, a month, or all), as
 * defined in docs/statistics.md. Every form, chart and API answer takes them from here. 未整改 ({@link #unrectified()})
 * and 整改率 follow from the others; a report frozen before a figure existed reads it as 0.
 */
@JsonIgnoreProperties(value = "unrectified", allowGetters = true)
public record SafetyFigures(long institutionsChecked, long inspections, long inspectionGroups, long hazardsFound,
                            long foundBySelfCheck, long foundByDepartmentCheck, long foundByExpert, long foundOtherwise,
                            long major, long rectified, Double rectificationRate, long overdue, long listedSupervision,
                            long listedSupervisionClosed, long whistleblowerReports, long rewardsGranted,
                            BigDecimal rewardAmount, long helpVisits) {

    public static final SafetyFigures NONE = new SafetyFigures(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, null, 0, 0, 0, 0, 0, BigDecimal.ZERO, 0);

    /** The figures a reporter may correct (with a reason), with their 调度表 labels, in the order of the form. */
    public static final Map<String, String> CORRECTABLE_LABELS = labels(
            "institutionsChecked", "排查机构数", "inspections", "检查次数", "inspectionGroups", "检查组数",
            "hazardsFound", "发现隐患数", "foundBySelfCheck", "机构自查发现", "foundByDepartmentCheck", "部门检查发现",
            "foundByExpert", "专家诊断发现", "foundOtherwise", "其他方式发现", "major", "其中重大", "rectified", "已整改数",
            "overdue", "逾期数", "listedSupervision", "挂牌督办数", "listedSupervisionClosed", "挂牌督办已销号",
            "whistleblowerReports", "举报数", "rewardsGranted", "举报奖励人次", "helpVisits", "帮扶指导次数");
    public static final List<String> CORRECTABLE = List.copyOf(CORRECTABLE_LABELS.keySet());

    public SafetyFigures {
        rewardAmount = (rewardAmount == null ? BigDecimal.ZERO : rewardAmount).setScale(2, RoundingMode.HALF_UP);
    }

    /** 未整改: found in the window and not closed by its end. */
    @JsonProperty("unrectified")
    public long unrectified() {
        return hazardsFound - rectified;
    }

    /** These figures with one of them replaced by a corrected value. */
    public SafetyFigures with(String field, long value) {
        int index = CORRECTABLE.indexOf(field);
        if (index < 0) {
            throw new IllegalArgumentException("not a correctable figure: " + field);
        }
        long[] v = counts();
        v[index] = value;
        return of(v, rewardAmount);
    }

    /**
     * What no set of figures can be (a correction's outcome is checked against it): the ways of finding adding up to
     * more or less than what was found, more major or rectified hazards than were found, more listed hazards closed
     * than listed. Empty when the figures hold together.
     */
    public List<String> contradictions() {
        List<String> problems = new ArrayList<>();
        long byWay = foundBySelfCheck + foundByDepartmentCheck + foundByExpert + foundOtherwise;
        if (byWay != hazardsFound) {
            problems.add("机构自查、部门检查、专家诊断、其他方式发现之和（" + byWay + "）与发现隐患数（" + hazardsFound + "）不符");
        }
        if (major > hazardsFound) {
            problems.add("其中重大（" + major + "）多于发现隐患数（" + hazardsFound + "）");
        }
        if (rectified > hazardsFound) {
            problems.add("已整改数（" + rectified + "）多于发现隐患数（" + hazardsFound + "）");
        }
        if (listedSupervisionClosed > listedSupervision) {
            problems.add("挂牌督办已销号（" + listedSupervisionClosed + "）多于挂牌督办数（" + listedSupervision + "）");
        }
        return problems;
    }

    /** The value of a correctable figure by its name. */
    public long get(String field) {
        int index = CORRECTABLE.indexOf(field);
        if (index < 0) {
            throw new IllegalArgumentException("not a correctable figure: " + field);
        }
        return counts()[index];
    }

    public SafetyFigures plus(SafetyFigures o) {
        long[] v = counts();
        long[] w = o.counts();
        for (int i = 0; i < v.length; i++) {
            v[i] += w[i];
        }
        return of(v, rewardAmount.add(o.rewardAmount));
    }

    /** These figures without another's part of them (a unit's ledger figures less one institution's). */
    public SafetyFigures minus(SafetyFigures o) {
        long[] v = counts();
        long[] w = o.counts();
        for (int i = 0; i < v.length; i++) {
            v[i] -= w[i];
        }
        return of(v, rewardAmount.subtract(o.rewardAmount));
    }

    /** The counts in the order of {@link #CORRECTABLE}. */
    private long[] counts() {
        return new long[] {institutionsChecked, inspections, inspectionGroups, hazardsFound, foundBySelfCheck,
                foundByDepartmentCheck, foundByExpert, foundOtherwise, major, rectified, overdue, listedSupervision,
                listedSupervisionClosed, whistleblowerReports, rewardsGranted, helpVisits};
    }

    private static SafetyFigures of(long[] v, BigDecimal rewardAmount) {
        return new SafetyFigures(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], rate(v[9], v[3]), v[10],
                v[11], v[12], v[13], v[14], rewardAmount, v[15]);
    }

    private static Map<String, String> labels(String... pairs) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            labels.put(pairs[i], pairs[i + 1]);
        }
        return Collections.unmodifiableMap(labels);
    }

    static Double rate(long rectified, long found) {
        return RectificationRate.of(rectified, found);
    }
}
