package com.civilsafety.ledger.institution;

import com.civilsafety.ledger.access.Actor;
import com.civilsafety.ledger.common.InvalidInputException;
import com.civilsafety.ledger.common.SheetImport;
import com.civilsafety.ledger.common.SheetImport.Column;
import com.civilsafety.ledger.common.SheetImport.Outcome;
import com.civilsafety.ledger.common.SheetImport.RejectedException;
import com.civilsafety.ledger.common.SheetImport.Result;
import com.civilsafety.ledger.common.SheetImport.Row;
import com.civilsafety.ledger.common.SheetImport.RowError;
import com.civilsafety.ledger.region.Region;
import com.civilsafety.ledger.region.RegionLevel;
import com.civilsafety.ledger.region.RegionRepository;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The 机构台账 filled offline and uploaded: every row is checked by the register's own rules
 * ({@link InstitutionRegister#check}) and answered on its own — registered, already in the register (not registered
 * twice), or refused with every problem named by its row and column. A row repeats an institution when its 机构编号 is
 * one already registered (case ignored) under the same name; the register's other fields are not changed by an import
 * (a change is 变更登记, with its reason, on the institution's page). A code registered under another name is refused.
 * Registered rows are stored together: if one of them is refused while storing (another import registered the same code
 * meanwhile), none is, and the file can be uploaded again.
 */
@Service
public class InstitutionImport {
    /** More than a county's whole register; a bigger file is refused before anything is read. */
    public static final int MAX_ROWS = 1000;
    /** What 所属乡镇 says for an institution the county bureau runs itself (also "<county>直属机构", or the county's name). */
    public static final String DIRECTLY_RUN = "县局直属";
    static final String REASON = "由《机构台账》Excel导入";

    /** The template's columns, in order; each names the {@link InstitutionRecord} field it fills. */
    public static final List<Column> COLUMNS = List.of(
            new Column("机构编号", "code", true, "统一社会信用代码或县局编号：字母、数字和短横线，不超过32位"),
            new Column("机构名称", "name", true, "机构全称，不超过128字"),
            new Column("机构类型", "type", true, Arrays.stream(InstitutionType.values()).map(InstitutionType::label)
                    .collect(Collectors.joining("、")) + " 之一"),
            new Column("所属乡镇", "regionId", true, "乡镇名称；县局直属机构填“" + DIRECTLY_RUN + "”。乡镇民政办只能导入本乡镇的机构"),
            new Column("地址", "address", false, "不超过255字"),
            new Column("床位数", "capacity", false, "整数，没有床位的机构可不填"),
            new Column("负责人", "principalName", false, "姓名"),
            new Column("负责人电话", "principalPhone", false, "至少7位数字，如 0563-8164609 或 13800000000"),
            new Column("安全管理员", "safetyOfficerName", false, "姓名"),
            new Column("安全管理员电话", "safetyOfficerPhone", false, "至少7位数字"));

    private static final Map<String, String> HEADERS = SheetImport.headersByField(COLUMNS);

    /** What became of one row: the institution it registered or repeats (for a link), or the problems that kept it out. */
    public record RowResult(int row, Outcome outcome, String outcomeLabel, Long institutionId, String institutionName,
                            List<String> messages) implements SheetImport.Answer {
        static RowResult of(int row, Outcome outcome, Institution institution, List<String> messages) {
            return new RowResult(row, outcome, outcome.label(), institution == null ? null : institution.getId(),
                    institution == null ? null : institution.getName(), List.copyOf(messages));
        }
    }

    private final InstitutionRegister register;
    private final InstitutionRepository institutions;
    private final RegionRepository regions;
    private final Validator validator;
    private final TransactionTemplate reading;
    private final TransactionTemplate storing;

    InstitutionImport(InstitutionRegister register, InstitutionRepository institutions, RegionRepository regions,
                      Validator validator, PlatformTransactionManager transactions) {
        this.register = register;
        this.institutions = institutions;
        this.regions = regions;
        this.validator = validator;
        this.reading = new TransactionTemplate(transactions);
        this.reading.setReadOnly(true);
        this.storing = new TransactionTemplate(transactions);
    }

    /** A row's verdict after the checks: to register, already registered, or refused. */
    private sealed interface Verdict permits ToRegister, Registered, Refused {
    }

    private record ToRegister(InstitutionRecord record) implements Verdict {
    }

    private record Registered(Institution institution, String message) implements Verdict {
    }

    private record Refused(List<RowError> errors) implements Verdict {
    }

    /**
     * Checks every row, then registers those that passed; answers each row. Refused whole (400, every problem listed) when
     * nothing was registered and some rows were refused; a file of institutions all registered already is answered.
     */
    public Result<RowResult> importAll(List<Row> rows, Actor actor) {
        SheetImport.checkSize(rows, MAX_ROWS, "文件中没有机构数据");
        Map<Row, Verdict> verdicts = reading.execute(status -> check(rows, actor));
        return storing.execute(status -> store(rows, verdicts, actor));
    }

    /**
     * What 所属乡镇 may say for the actor, as the template offers it: the townships of his region in code order, then
     * 县局直属 where the bureau's own institutions are his to keep.
     */
    public List<String> unitChoices(Actor actor) {
        List<Region> inScope = regions.findByPathStartingWithOrderByPath(actor.regionPath());
        List<String> units = new ArrayList<>(inScope.stream().filter(r -> r.getLevel() == RegionLevel.TOWNSHIP)
                .sorted(Comparator.comparing(Region::getCode)).map(Region::getName).toList());
        if (InstitutionRegister.isBureau(actor) && inScope.stream().filter(r -> r.getLevel() == RegionLevel.COUNTY).count() == 1) {
            units.add(DIRECTLY_RUN);
        }
        return units;
    }

    private Map<Row, Verdict> check(List<Row> rows, Actor actor) {
        List<Region> units = regions.findAll().stream()
                .filter(r -> r.getLevel() == RegionLevel.TOWNSHIP || r.getLevel() == RegionLevel.COUNTY).toList();
        List<Region> inScope = units.stream().filter(r -> r.getPath().startsWith(actor.regionPath())).toList();
        Region own = regions.findByPath(actor.regionPath()).orElse(null);
        Map<Row, Verdict> verdicts = new LinkedHashMap<>();
        Map<String, FirstOfCode> byCode = new HashMap<>();
        Map<String, Row> byName = new HashMap<>();
        for (Row row : rows) {
            List<RowError> errors = new ArrayList<>();
            InstitutionRecord record = read(row, inScope, units, own, errors);
            for (ConstraintViolation<InstitutionRecord> v : validator.validate(record)) {
                String column = header(v.getPropertyPath().toString());
                if (errors.stream().noneMatch(e -> e.column().equals(column))) { // a cell that could not be read
                    errors.add(RowError.of(row, column, "：" + v.getMessage()));
                }
            }
            Verdict verdict = errors.isEmpty() ? judge(row, record, actor, byCode, byName) : new Refused(errors);
            verdicts.put(row, verdict);
        }
        return verdicts;
    }

    /** A row whose cells are all readable: a repeat (in the register or the file), refused by the register, or new. */
    private Verdict judge(Row row, InstitutionRecord record, Actor actor, Map<String, FirstOfCode> byCode, Map<String, Row> byName) {
        String code = record.code().toLowerCase(Locale.ROOT);
        FirstOfCode first = byCode.get(code);
        if (first != null) {
            int at = first.row().number();
            return first.name().equals(record.name()) ? new Registered(null, "与第" + at + "行是同一家机构（机构编号相同），未重复导入")
                    : refused(row, "机构编号", "与第" + at + "行的机构编号相同，但机构名称不同");
        }
        var registered = institutions.findFirstByCodeIgnoreCase(record.code());
        if (registered.isPresent() && registered.get().getName().equals(record.name())
                && actor.covers(registered.get().getRegion().getPath(), registered.get().getId())) {
            return new Registered(registered.get(), "机构台账中已有该机构（编号 " + registered.get().getCode() + "），未重复导入；"
                    + "如需修改，请在机构详情页办理变更登记");
        }
        String name = record.regionId() + "/" + record.name();
        Row sameName = byName.get(name);
        if (sameName != null) {
            return refused(row, "机构名称", "与第" + sameName.number() + "行同名：同一乡镇内机构名称不能重复");
        }
        try {
            register.check(record, actor);
        } catch (InvalidInputException e) {
            return refused(row, header(e.field()), "：" + e.getMessage());
        }
        byCode.put(code, new FirstOfCode(row, record.name()));
        byName.put(name, row);
        return new ToRegister(record);
    }

    /** The file's row that is to register a code, and the name it gives. */
    private record FirstOfCode(Row row, String name) {
    }

    private static Refused refused(Row row, String column, String what) {
        return new Refused(List.of(RowError.of(row, column, what)));
    }

    private Result<RowResult> store(List<Row> rows, Map<Row, Verdict> verdicts, Actor actor) {
        List<RowResult> results = new ArrayList<>();
        List<RowError> errors = new ArrayList<>();
        for (Row row : rows) {
            results.add(switch (verdicts.get(row)) {
                case ToRegister r -> RowResult.of(row.number(), Outcome.CREATED, registered(row, r.record(), actor), List.of());
                case Registered r -> RowResult.of(row.number(), Outcome.DUPLICATE, r.institution(), List.of(r.message()));
                case Refused r -> {
                    errors.addAll(r.errors());
                    yield RowResult.of(row.number(), Outcome.REFUSED, null, r.errors().stream().map(RowError::message).toList());
                }
            });
        }
        Result<RowResult> result = Result.of(results);
        if (result.created() == 0 && !errors.isEmpty()) {
            throw new RejectedException(errors, results);
        }
        return result;
    }

    /** Registers a row checked a moment ago; one refused now (registered meanwhile by someone else) refuses the file. */
    private Institution registered(Row row, InstitutionRecord record, Actor actor) {
        try {
            return register.register(record, actor);
        } catch (InvalidInputException e) {
            RowError error = RowError.of(row, header(e.field()), "：" + e.getMessage() + "（刚被他人登记），请重新导入");
            throw new RejectedException(List.of(error), List.of());
        }
    }

    private InstitutionRecord read(Row row, List<Region> inScope, List<Region> units, Region own, List<RowError> errors) {
        InstitutionType type = null;
        if (row.cell(2) != null) {
            type = Arrays.stream(InstitutionType.values()).filter(t -> t.label().equals(row.cell(2)) || t.name().equals(row.cell(2)))
                    .findFirst().orElse(null);
            if (type == null) {
                errors.add(RowError.of(row, COLUMNS.get(2).header(), "无法识别“" + row.cell(2) + "”，应为"
                        + Arrays.stream(InstitutionType.values()).map(InstitutionType::label).collect(Collectors.joining("、")) + "之一"));
            }
        }
        Long regionId = null;
        if (row.cell(3) != null) {
            List<Region> named = inScope.stream().filter(r -> names(r, row.cell(3))).toList();
            if (named.size() == 1) {
                regionId = named.getFirst().getId();
            } else {
                errors.add(RowError.of(row, COLUMNS.get(3).header(), named.isEmpty() ? unknownUnit(row.cell(3), units, own)
                        : "辖区内有 " + named.size() + " 个名为“" + row.cell(3) + "”的区划，无法确定是哪一个"));
            }
        }
        Integer capacity = null;
        if (row.cell(5) != null) {
            try {
                capacity = Integer.valueOf(row.cell(5));
            } catch (NumberFormatException e) {
                errors.add(RowError.of(row, COLUMNS.get(5).header(), "应为整数（现为“" + row.cell(5) + "”）"));
            }
        }
        return new InstitutionRecord(row.cell(0), row.cell(1), type, regionId, row.cell(4), capacity, row.cell(6),
                row.cell(7), row.cell(8), row.cell(9), REASON).normalized();
    }

    /** Why 所属乡镇 names no unit the actor keeps: another's township, the bureau's own, or nothing known. */
    private static String unknownUnit(String text, List<Region> units, Region own) {
        String yours = own == null ? "" : "（" + own.getName() + "）";
        if (own != null && own.getLevel() == RegionLevel.TOWNSHIP && units.stream().anyMatch(r -> names(r, text))) {
            return "“" + text + "”不在您的辖区内：乡镇民政办只能导入本乡镇" + yours + "的机构";
        }
        if (units.stream().anyMatch(r -> names(r, text))) {
            return "“" + text + "”不在您的辖区" + yours + "内";
        }
        return "找不到“" + text + "”，应为辖区内乡镇的名称（县局直属机构填“" + DIRECTLY_RUN + "”）";
    }

    /** Whether 所属乡镇 names the region: a township by its name; the county by its name, its 直属机构 or 县局直属. */
    private static boolean names(Region region, String text) {
        if (region.getLevel() == RegionLevel.TOWNSHIP) {
            return region.getName().equals(text);
        }
        return region.getName().equals(text) || region.unitName().equals(text) || DIRECTLY_RUN.equals(text) || "直属".equals(text);
    }

    static String header(String field) {
        return HEADERS.getOrDefault(field, field);
    }
}
