package com.civilsafety.ledger.hazard;

import com.civilsafety.ledger.access.Actor;
import com.civilsafety.ledger.common.InvalidInputException;
import com.civilsafety.ledger.common.LedgerException;
import com.civilsafety.ledger.institution.Institution;
import com.civilsafety.ledger.institution.InstitutionRepository;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A 《隐患清单》 filled offline and uploaded: every row is checked by the same rules as a hazard reported in the app,
 * every problem is named by its row and column, and either every row goes on the books or none does. Imported
 * hazards start their rectification loops once the import has committed ({@link HazardsFound}).
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
            new Column("发现日期", "foundOn", true, "yyyy-MM-dd，不晚于今天"),
            new Column("是否危及服务对象", "residentsExposed", false, "是 或 否，默认否"),
            new Column("是否立查立改", "fixedOnSite", false, "是 或 否，默认否；重大隐患不能立查立改"),
            new Column("现场整改情况", "onSiteMeasures", false, "立查立改时必填"));

    public record Column(String header, String field, boolean required, String hint) {
    }

    /** One data row as read from the file: its number as the spreadsheet shows it, and its cells as text. */
    public record Row(int number, List<String> cells) {
        String cell(int column) {
            String value = column < cells.size() ? cells.get(column) : null;
            return value == null || value.isBlank() ? null : value.strip();
        }
    }

    public record RowError(int row, String column, String message) {
    }

    /** The import was refused: nothing was stored. */
    public static class RejectedException extends LedgerException {
        private final List<RowError> errors;

        public RejectedException(List<RowError> errors) {
            super("导入失败，共 " + errors.size() + " 处错误，未导入任何数据");
            this.errors = List.copyOf(errors);
        }

        public List<RowError> errors() {
            return errors;
        }
    }

    private final HazardService hazards;
    private final InstitutionRepository institutions;
    private final Validator validator;
    private final ApplicationEventPublisher events;

    HazardImport(HazardService hazards, InstitutionRepository institutions, Validator validator,
                 ApplicationEventPublisher events) {
        this.hazards = hazards;
        this.institutions = institutions;
        this.validator = validator;
        this.events = events;
    }

    /** Stores every row or, naming each problem, none; returns the new hazards' ids in row order. */
    @Transactional(rollbackFor = RejectedException.class)
    public List<Long> importAll(List<Row> rows, Actor actor) {
        if (rows.isEmpty()) {
            throw new RejectedException(List.of(new RowError(0, "", "文件中没有隐患数据")));
        }
        if (rows.size() > MAX_ROWS) {
            throw new RejectedException(List.of(new RowError(0, "", "一次最多导入 " + MAX_ROWS + " 行，本文件有 " + rows.size() + " 行")));
        }
        // first every row is checked, by the same rules as a report made in the app; then, if none failed, stored
        List<RowError> errors = new ArrayList<>();
        List<HazardReport> reports = new ArrayList<>();
        for (Row row : rows) {
            List<RowError> rowErrors = new ArrayList<>();
            HazardReport report = read(row, actor, rowErrors);
            for (ConstraintViolation<HazardReport> v : validator.validate(report)) {
                String column = header(v.getPropertyPath().toString());
                if (rowErrors.stream().noneMatch(e -> e.column().equals(column))) { // a cell that could not be read
                    rowErrors.add(new RowError(row.number(), column, v.getMessage()));
                }
            }
            if (rowErrors.isEmpty()) {
                try {
                    hazards.check(report, actor);
                } catch (InvalidInputException e) {
                    rowErrors.add(new RowError(row.number(), header(e.field()), e.getMessage()));
                }
            }
            errors.addAll(rowErrors);
            reports.add(report);
        }
        if (!errors.isEmpty()) {
            throw new RejectedException(errors);
        }
        List<Long> ids = new ArrayList<>();
        for (HazardReport report : reports) {
            ids.add(hazards.reportAwaitingLoop(report, actor).getId());
        }
        events.publishEvent(new HazardsFound(ids));
        return ids;
    }

    private HazardReport read(Row row, Actor actor, List<RowError> errors) {
        Long institutionId = null;
        String name = row.cell(0);
        if (name != null) {
            List<Institution> found = institutions.findByNameInScope(actor.regionPath(), name);
            if (found.isEmpty()) {
                errors.add(new RowError(row.number(), COLUMNS.get(0).header(), "机构不存在或不在您的辖区内：" + name));
            } else if (found.size() > 1) {
                errors.add(new RowError(row.number(), COLUMNS.get(0).header(), "辖区内有 " + found.size() + " 家同名机构：" + name));
            } else {
                institutionId = found.getFirst().getId();
            }
        }
        HazardSource source = null;
        if (row.cell(4) != null) {
            source = Arrays.stream(HazardSource.values()).filter(s -> s.label().equals(row.cell(4)) || s.name().equals(row.cell(4)))
                    .findFirst().orElse(null);
            if (source == null) {
                errors.add(new RowError(row.number(), COLUMNS.get(4).header(), "无法识别的发现方式：" + row.cell(4)));
            }
        }
        LocalDate foundOn = null;
        if (row.cell(5) != null) {
            try {
                foundOn = LocalDate.parse(row.cell(5));
            } catch (DateTimeParseException e) {
                errors.add(new RowError(row.number(), COLUMNS.get(5).header(), "日期格式应为 yyyy-MM-dd：" + row.cell(5)));
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
                errors.add(new RowError(row.number(), COLUMNS.get(column).header(), "应填“是”或“否”：" + value));
                yield null;
            }
        };
    }

    private static final Map<String, String> HEADERS = columnsByField();

    private static Map<String, String> columnsByField() {
        Map<String, String> byField = new java.util.HashMap<>();
        COLUMNS.forEach(c -> byField.put(c.field(), c.header()));
        return byField;
    }

    static String header(String field) {
        return HEADERS.getOrDefault(field, field);
    }
}
