package com.civilsafety.ledger.statistics;

import com.civilsafety.ledger.common.RectificationRate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The figures of the 调度表 and the dashboard for one group (a township, an institution type, a month, or all), as
 * defined in docs/statistics.md. Every form, chart and API answer takes them from here.
 */
public record SafetyFigures(long institutionsChecked, long inspections, long hazardsFound, long foundBySelfCheck,
                            long foundByDepartmentCheck, long foundOtherwise, long major, long rectified,
                            Double rectificationRate, long overdue, long listedSupervision, long listedSupervisionClosed,
                            long whistleblowerReports, long helpVisits) {

    public static final SafetyFigures NONE = new SafetyFigures(0, 0, 0, 0, 0, 0, 0, 0, null, 0, 0, 0, 0, 0);

    /** The figures a reporter may correct (with a reason), with their 调度表 labels; 整改率 follows from the others. */
    public static final Map<String, String> CORRECTABLE_LABELS = labels(
            "institutionsChecked", "排查机构数", "inspections", "检查次数", "hazardsFound", "发现隐患数",
            "foundBySelfCheck", "机构自查发现", "foundByDepartmentCheck", "部门检查发现", "foundOtherwise", "其他方式发现",
            "major", "其中重大", "rectified", "已整改数", "overdue", "逾期数", "listedSupervision", "挂牌督办数",
            "listedSupervisionClosed", "挂牌督办已销号", "whistleblowerReports", "举报数", "helpVisits", "帮扶指导次数");
    public static final List<String> CORRECTABLE = List.copyOf(CORRECTABLE_LABELS.keySet());

    /** These figures with one of them replaced by a corrected value. */
    public SafetyFigures with(String field, long value) {
        long[] v = {institutionsChecked, inspections, hazardsFound, foundBySelfCheck, foundByDepartmentCheck,
                foundOtherwise, major, rectified, overdue, listedSupervision, listedSupervisionClosed, whistleblowerReports,
                helpVisits};
        int index = CORRECTABLE.indexOf(field);
        if (index < 0) {
            throw new IllegalArgumentException("not a correctable figure: " + field);
        }
        v[index] = value;
        return new SafetyFigures(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], rate(v[7], v[2]), v[8], v[9], v[10], v[11], v[12]);
    }

    /** The value of a correctable figure by its name. */
    public long get(String field) {
        return switch (field) {
            case "institutionsChecked" -> institutionsChecked;
            case "inspections" -> inspections;
            case "hazardsFound" -> hazardsFound;
            case "foundBySelfCheck" -> foundBySelfCheck;
            case "foundByDepartmentCheck" -> foundByDepartmentCheck;
            case "foundOtherwise" -> foundOtherwise;
            case "major" -> major;
            case "rectified" -> rectified;
            case "overdue" -> overdue;
            case "listedSupervision" -> listedSupervision;
            case "listedSupervisionClosed" -> listedSupervisionClosed;
            case "whistleblowerReports" -> whistleblowerReports;
            case "helpVisits" -> helpVisits;
            default -> throw new IllegalArgumentException("not a correctable figure: " + field);
        };
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

    public SafetyFigures plus(SafetyFigures o) {
        long found = hazardsFound + o.hazardsFound;
        long fixed = rectified + o.rectified;
        return new SafetyFigures(institutionsChecked + o.institutionsChecked, inspections + o.inspections, found,
                foundBySelfCheck + o.foundBySelfCheck, foundByDepartmentCheck + o.foundByDepartmentCheck,
                foundOtherwise + o.foundOtherwise, major + o.major, fixed, rate(fixed, found), overdue + o.overdue,
                listedSupervision + o.listedSupervision, listedSupervisionClosed + o.listedSupervisionClosed,
                whistleblowerReports + o.whistleblowerReports, helpVisits + o.helpVisits);
    }
}
