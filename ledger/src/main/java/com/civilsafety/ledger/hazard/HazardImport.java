package com.civilsafety.ledger.hazard;

import com.civilsafety.ledger.access.Actor;
import com.civilsafety.ledger.common.InvalidInputException;
import com.civilsafety.ledger.common.SheetImport;
import com.civilsafety.ledger.common.SheetImport.Column;
import com.civilsafety.ledger.common.SheetImport.Outcome;
import com.civilsafety.ledger.common.SheetImport.RejectedException;
import com.civilsafety.ledger.common.SheetImport.Result;
import com.civilsafety.ledger.common.SheetImport.Row;
import com.civilsafety.ledger.common.SheetImport.RowError;
import com.civilsafety.ledger.institution.Institution;
import com.civilsafety.ledger.institution.InstitutionRepository;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import com.civilsafety.ledger.common.LedgerTime;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A 《隐患清单》 filled offline and uploaded: every row is checked by the same rules as a hazard reported in the app,
 * and each row is answered on its own — imported, already on the books (not imported twice), or refused with every
 * problem named by its row and column. So a file can be corrected and uploaded again whole: what went in the first
 * time is recognised and skipped. Imported hazards start their rectification loops once the import has committed
 * ({@link HazardsFound}).
 * <p>
 * A row repeats a hazard when the institution, the 判定依据 item, the description (blanks around it ignored) and the
 * found date are the same: the facts a person writes down for one finding. Location, source and the yes/no columns
 * are not part of it — a second upload with a corrected 隐患部位 is still the same finding, and is not stored again.
 */
@Service
public class HazardImport {
    /** More rows than a township's monthly list ever has; a bigger file is refused before anything is read. */
    public static final int MAX_ROWS = 2000;

    /** The template's columns, in order; each names the {@link HazardReport} field it fills. */
    public static final List<Column> COLUMNS = List.of(
            new Column("机构名称", "institutionId", true, "辖区内机构的全称"),
            new Column("隐患描述", "description", true, "不超过2000字"),
            new Column("隐患部位", "location", false, "如：二楼走廊"),
            new Column("判定依据编号", "criterionCode", true, "见“判定依据”表，如 GEN-FIRE"),
            new Column("发现方式", "source", true, "机构自查、部门检查、督导检查、专家勘察、第三方评估、视频巡查、举报 之一"),
            new Column("发现日期", "foundOn", true, "日期，如 2026-03-01，不晚于今天"),
            new Column("是否危及服务对象", "residentsExposed", false, "是 或 否，默认否"),
            new Column("是否立查立改", "fixedOnSite", false, "是 或 否，默认否；重大隐患不能立查立改"),
            new Column("现场整改情况", "onSiteMeasures", false, "立查立改时必填"));

    /**
     * What became of one row: the hazard it created or repeats (with its code, for a link), or the problems that kept it
     * out.
     */
    public record RowResult(int row, Outcome outcome, String outcomeLabel, Long hazardId, String hazardCode, List<String> messages)
            implements SheetImport.Answer {
        static RowResult of(int row, Outcome outcome, Hazard hazard, List<String> messages) {
            return new RowResult(row, outcome, outcome.label(), hazard == null ? null : hazard.getId(),
                    hazard == null ? null : hazard.getCode(), List.copyOf(messages));
        }
    }

    private final HazardService hazards;
    private final HazardRepository hazardRecords;
    private final InstitutionRepository institutions;
    private final Validator validator;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate reading;
    private final TransactionTemplate storing;

    HazardImport(HazardService hazards, HazardRepository hazardRecords, InstitutionRepository institutions, Validator validator,
                 ApplicationEventPublisher events, Clock clock, PlatformTransactionManager transactions) {
        this.hazards = hazards;
        this.hazardRecords = hazardRecords;
        this.institutions = institutions;
        this.validator = validator;
        this.events = events;
        this.clock = clock;
        this.reading = new TransactionTemplate(transactions);
        this.reading.setReadOnly(true);
        this.storing = new TransactionTemplate(transactions);
    }

    /** The rows that passed every check, with their reports; the others with their problems. */
    private record Checked(Map<Row, HazardReport> passed, Map<Row, List<RowError>> refused, List<RowError> errors) {
    }

    /**
     * Checks every row, then stores those that passed and are not on the books yet; answers each row. Refused if no row
     * was imported and some were refused (a file of repeats only is answered, not refused: nothing was wrong with it).
     * <p>
     * Two transactions: the rows are checked in one; the other begins by locking the rows' institutions, so that two
     * imports of the same institutions store one after the other, and only then reads what is on the books — on
     * MySQL/MariaDB (repeatable read) a read before the lock would keep showing the ledger as it was before the other
     * import committed. (A locking read of the hazards instead would lock the gaps of their index, and two imports of
     * neighbouring institutions could deadlock on their inserts.)
     */
    public Result<RowResult> importAll(List<Row> rows, Actor actor) {
        SheetImport.checkSize(rows, MAX_ROWS, "文件中没有隐患数据");
        Checked checked = reading.execute(status -> check(rows, actor));
        return storing.execute(status -> store(rows, checked, actor));
    }

    /** Every row checked by the same rules as a report made in the app. */
    private Checked check(List<Row> rows, Actor actor) {
        LocalDate today = LedgerTime.today(clock);
        List<RowError> errors = new ArrayList<>();
        Map<Row, HazardReport> passed = new LinkedHashMap<>();
        Map<Row, List<RowError>> refused = new HashMap<>();
        for (Row row : rows) {
            List<RowError> rowErrors = new ArrayList<>();
            HazardReport report = read(row, actor, today, rowErrors);
            for (ConstraintViolation<HazardReport> v : validator.validate(report)) {
                String column = header(v.getPropertyPath().toString());
                if (rowErrors.stream().noneMatch(e -> e.column().equals(column))) { // a cell that could not be read
                    rowErrors.add(RowError.of(row, column, "：" + v.getMessage()));
                }
            }
            if (rowErrors.isEmpty()) {
                try {
                    hazards.check(report, actor);
                } catch (InvalidInputException e) {
                    rowErrors.add(RowError.of(row, header(e.field()), "：" + e.getMessage()));
                }
            }
            if (rowErrors.isEmpty()) {
                passed.put(row, report);
            } else {
                refused.put(row, rowErrors);
                errors.addAll(rowErrors);
            }
        }
        return new Checked(passed, refused, errors);
    }

    /** One import at a time per institution: each row that passed is stored unless the ledger (or an earlier row) has it. */
    private Result<RowResult> store(List<Row> rows, Checked checked, Actor actor) {
        if (!checked.passed().isEmpty()) { // first, before anything is read
            institutions.lockAll(checked.passed().values().stream().map(HazardReport::institutionId).distinct().toList());
        }
        Map<Key, Row> earlier = new HashMap<>();
        Map<Row, RowResult> answers = new HashMap<>();
        List<Long> created = new ArrayList<>();
        for (Map.Entry<Row, HazardReport> entry : checked.passed().entrySet()) {
            Row row = entry.getKey();
            HazardReport report = entry.getValue();
            Key key = Key.of(report);
            Row first = earlier.putIfAbsent(key, row);
            List<Hazard> same = hazardRecords.findSame(key.institutionId(), key.criterionCode(), key.description(), key.foundOn());
            if (first != null) {
                answers.put(row, RowResult.of(row.number(), Outcome.DUPLICATE, same.isEmpty() ? null : same.getFirst(),
                        List.of("与第" + first.number() + "行是同一条隐患，未重复导入")));
            } else if (!same.isEmpty()) {
                answers.put(row, RowResult.of(row.number(), Outcome.DUPLICATE, same.getFirst(),
                        List.of("台账中已有这条隐患（" + same.getFirst().getCode() + "），未重复导入")));
            } else {
                Hazard hazard = hazards.reportAwaitingLoop(report, actor);
                created.add(hazard.getId());
                answers.put(row, RowResult.of(row.number(), Outcome.CREATED, hazard, List.of()));
            }
        }
        List<RowResult> results = rows.stream().map(row -> answers.getOrDefault(row, RowResult.of(row.number(), Outcome.REFUSED,
                null, checked.refused().getOrDefault(row, List.of()).stream().map(RowError::message).toList()))).toList();
        if (created.isEmpty() && !checked.errors().isEmpty()) {
            throw new RejectedException(checked.errors(), results);
        }
        if (!created.isEmpty()) {
            events.publishEvent(new HazardsFound(created));
        }
        return Result.of(results);
    }

    /** What makes two rows, or a row and a hazard on the books, one finding (see the class comment). */
    private record Key(long institutionId, String criterionCode, String description, LocalDate foundOn) {
        static Key of(HazardReport report) {
            return new Key(report.institutionId(), report.criterionCode().strip(), report.description().strip(), report.foundOn());
        }
    }

    private HazardReport read(Row row, Actor actor, LocalDate today, List<RowError> errors) {
        Long institutionId = null;
        String name = row.cell(0);
        if (name != null) {
            List<Institution> found = institutions.findByNameInScope(actor.regionPath(), name);
            if (found.isEmpty()) {
                errors.add(RowError.of(row, COLUMNS.get(0).header(), "找不到“" + name + "”，或该机构不在您的辖区内"));
            } else if (found.size() > 1) {
                errors.add(RowError.of(row, COLUMNS.get(0).header(), "辖区内有 " + found.size() + " 家名为“" + name + "”的机构，无法确定是哪一家"));
            } else {
                institutionId = found.getFirst().getId();
            }
        }
        HazardSource source = null;
        if (row.cell(4) != null) {
            source = Arrays.stream(HazardSource.values()).filter(s -> s.label().equals(row.cell(4)) || s.name().equals(row.cell(4)))
                    .findFirst().orElse(null);
            if (source == null) {
                errors.add(RowError.of(row, COLUMNS.get(4).header(), "无法识别“" + row.cell(4) + "”，应为"
                        + Arrays.stream(HazardSource.values()).map(HazardSource::label).collect(Collectors.joining("、")) + "之一"));
            }
        }
        LocalDate foundOn = null;
        if (row.cell(5) != null) {
            foundOn = SheetImport.date(row.cell(5));
            if (foundOn == null) {
                errors.add(RowError.of(row, COLUMNS.get(5).header(), "应为日期，如 " + today + "（现为“" + row.cell(5) + "”）"));
            }
        }
        Boolean residentsExposed = yesNo(row, 6, errors);
        Boolean fixedOnSite = yesNo(row, 7, errors);
        return new HazardReport(institutionId, row.cell(1), row.cell(2), row.cell(3), residentsExposed, source, foundOn,
                fixedOnSite, row.cell(8));
    }

    private static Boolean yesNo(Row row, int column, List<RowError> errors) {
        String value = row.cell(column);
        if (value == null) {
            return false;
        }
        return switch (value) {
            case "是" -> true;
            case "否" -> false;
            default -> {
                errors.add(RowError.of(row, COLUMNS.get(column).header(), "应填“是”或“否”（现为“" + value + "”）"));
                yield null;
            }
        };
    }

    private static final Map<String, String> HEADERS = SheetImport.headersByField(COLUMNS);

    static String header(String field) {
        return HEADERS.getOrDefault(field, field);
    }
}
