package com.civilsafety.ledger.statistics;

import com.civilsafety.ledger.common.RectificationRate;

/**
 * The figures of the 调度表 and the dashboard for one group (a township, an institution type, a month, or all), as
 * defined in docs/statistics.md. Every form, chart and API answer takes them from here.
 */
public record SafetyFigures(long institutionsChecked, long inspections, long hazardsFound, long foundBySelfCheck,
                            long foundByDepartmentCheck, long foundOtherwise, long major, long rectified,
                            Double rectificationRate, long overdue, long listedSupervision, long listedSupervisionClosed,
                            long whistleblowerReports) {

    public static final SafetyFigures NONE = new SafetyFigures(0, 0, 0, 0, 0, 0, 0, 0, null, 0, 0, 0, 0);

    static Double rate(long rectified, long found) {
        return RectificationRate.of(rectified, found);
    }

    SafetyFigures plus(SafetyFigures o) {
        long found = hazardsFound + o.hazardsFound;
        long fixed = rectified + o.rectified;
        return new SafetyFigures(institutionsChecked + o.institutionsChecked, inspections + o.inspections, found,
                foundBySelfCheck + o.foundBySelfCheck, foundByDepartmentCheck + o.foundByDepartmentCheck,
                foundOtherwise + o.foundOtherwise, major + o.major, fixed, rate(fixed, found), overdue + o.overdue,
                listedSupervision + o.listedSupervision, listedSupervisionClosed + o.listedSupervisionClosed,
                whistleblowerReports + o.whistleblowerReports);
    }
}
