package com.civilsafety.ledger.campaign;

import com.civilsafety.ledger.common.InvalidInputException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;

/**
 * What one dispatch reports on, by its key: a month ("2027-06", 月调度 — seed 000: opened on the 10th, due on the 16th,
 * consolidated by the 20th) or an ISO week ("2027-W23", 周调度 — seed 003's 周调度、月通报: opened on Monday, due on
 * Friday, consolidated by the next Monday). The days are as written; {@link MonthlyDispatch} moves a deadline that falls
 * on a day no one works. A report covers the campaign from its first day to the day before the due day.
 */
public record DispatchPeriod(String key) {
    private static final String MONTH = "\\d{4}-(0[1-9]|1[0-2])";
    private static final String WEEK = "\\d{4}-W(0[1-9]|[1-4]\\d|5[0-3])";

    public DispatchPeriod {
        if (key == null || !(key.matches(MONTH) || key.matches(WEEK))) {
            throw new InvalidInputException("reportMonth", "调度期应写作 2027-06（月）或 2027-W23（周）：" + key);
        }
        if (key.contains("W") && !weekKey(mondayOf(key)).equals(key)) {
            throw new InvalidInputException("reportMonth", key.substring(0, 4) + "年没有第" + Integer.parseInt(key.substring(6)) + "周");
        }
    }

    private static LocalDate mondayOf(String weekKey) {
        // 4 January is always in week 1; a week number past the year's last week rolls into the next year
        LocalDate week1 = LocalDate.of(Integer.parseInt(weekKey.substring(0, 4)), 1, 4)
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        return week1.plusWeeks(Integer.parseInt(weekKey.substring(6)) - 1L);
    }

    public static DispatchPeriod ofMonth(YearMonth month) {
        return new DispatchPeriod(month.toString());
    }

    /** The ISO week a day lies in. */
    public static DispatchPeriod weekOf(LocalDate day) {
        return new DispatchPeriod(weekKey(day));
    }

    private static String weekKey(LocalDate day) {
        return "%d-W%02d".formatted(day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    /** The period a work slot belongs to ("M2027-06", "M2027-W23C", "M2027-06CF", "M2027-06S"). */
    static DispatchPeriod ofSlot(String slot) {
        return new DispatchPeriod(slot.substring(1).replaceAll("[CSF]+$", ""));
    }

    public boolean weekly() {
        return key.contains("W");
    }

    /** Monday of a week, the 1st of a month. */
    public LocalDate firstDay() {
        if (weekly()) {
            return mondayOf(key);
        }
        return YearMonth.parse(key).atDay(1);
    }

    /** The day its drafts open: Monday, or the 10th. */
    public LocalDate opensOn() {
        return weekly() ? firstDay() : firstDay().withDayOfMonth(MonthlyDispatch.OPENS_ON);
    }

    /** The day the reporting units' reports are due: Friday, or the 16th. */
    public LocalDate dueOn() {
        return weekly() ? firstDay().plusDays(4) : firstDay().withDayOfMonth(MonthlyDispatch.DUE_ON);
    }

    /** The day the county's consolidation is due: the next Monday, or the 20th. */
    public LocalDate countyDueOn() {
        return weekly() ? firstDay().plusDays(7) : firstDay().withDayOfMonth(MonthlyDispatch.COUNTY_DUE_ON);
    }

    /** Reminded at the start of this many working days before the deadline: the day before for a week's. */
    int remindWorkingDaysBefore() {
        return weekly() ? 1 : 2;
    }

    /** The last day a report covers: the day before the due day (the 15th; Thursday). */
    public LocalDate lastDayCovered() {
        return dueOn().minusDays(1);
    }

    /** As people read it: 2027年6月《清单》《调度表》, 2027年第23周（6月7日—6月11日）周调度《清单》《调度表》. */
    public String label() {
        if (weekly()) {
            DateTimeFormatter md = DateTimeFormatter.ofPattern("M月d日");
            return shortLabel() + "（" + firstDay().format(md) + "—" + dueOn().format(md) + "）周调度《清单》《调度表》";
        }
        return shortLabel() + "《清单》《调度表》";
    }

    /** The period as people name it: 2027年6月, 2027年第23周. */
    public String shortLabel() {
        if (weekly()) {
            return key.substring(0, 4) + "年第" + Integer.parseInt(key.substring(6)) + "周";
        }
        YearMonth m = YearMonth.parse(key);
        return m.getYear() + "年" + m.getMonthValue() + "月";
    }

    /** What a form's title names after its unit: 2027年6月 or 2027年第23周周调度. */
    public String titleLabel() {
        return weekly() ? shortLabel() + "周调度" : shortLabel();
    }

    @Override
    public String toString() {
        return key;
    }
}
