package com.civilsafety.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.civilsafety.ledger.campaign.CampaignTaskForms;
import com.civilsafety.ledger.criterion.HazardCategory;
import com.civilsafety.ledger.hazard.Acceptor;
import com.civilsafety.ledger.hazard.EmergencyMeasure;
import com.civilsafety.ledger.hazard.HazardGrade;
import com.civilsafety.ledger.hazard.HazardSource;
import com.civilsafety.ledger.hazard.HazardStatus;
import com.civilsafety.ledger.hazard.HazardTaskForms;
import com.civilsafety.ledger.inbox.TaskFormCatalogue;
import com.civilsafety.ledger.inbox.TaskKind;
import com.civilsafety.ledger.institution.InstitutionType;
import com.civilsafety.ledger.whistleblower.WhistleblowerTaskForms;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The web UI keeps its own copy of the ledger's Chinese labels (web-ui/src/dictionaries.js) and of the task forms'
 * fields (web-ui/src/forms/definitions.js), so that the pages work without asking the server for them. This test keeps
 * the copies true: the same codes with the same labels as the Java enums, and for each task form no field the API
 * would refuse as unknown and no required field left out.
 */
class UiVocabularyTest {
    private static final Path UI = Path.of("..", "web-ui", "src");

    @Test
    void theUisLabelsAreTheLedgers() throws IOException {
        Map<String, Map<String, String>> dictionaries = dictionaries(Files.readString(UI.resolve("dictionaries.js")));
        assertThat(dictionaries.get("INSTITUTION_TYPES")).isEqualTo(labels(InstitutionType.values(), InstitutionType::label));
        assertThat(dictionaries.get("HAZARD_STATUSES")).isEqualTo(labels(HazardStatus.values(), HazardStatus::label));
        assertThat(dictionaries.get("HAZARD_GRADES")).isEqualTo(labels(HazardGrade.values(), HazardGrade::label));
        assertThat(dictionaries.get("HAZARD_CATEGORIES")).isEqualTo(labels(HazardCategory.values(), HazardCategory::label));
        assertThat(dictionaries.get("HAZARD_SOURCES")).isEqualTo(labels(HazardSource.values(), HazardSource::label));
        assertThat(dictionaries.get("EMERGENCY_MEASURES")).isEqualTo(labels(EmergencyMeasure.values(), EmergencyMeasure::label));
        assertThat(dictionaries.get("ACCEPTORS")).isEqualTo(labels(Acceptor.values(), Acceptor::label));
        assertThat(dictionaries.get("HAZARD_STATUS_TAG").keySet()).isEqualTo(dictionaries.get("HAZARD_STATUSES").keySet());
    }

    @Test
    void theUisTaskFormsSendWhatTheLedgerTakes() throws IOException {
        Map<String, Set<String>> forms = taskForms(Files.readString(UI.resolve("forms").resolve("definitions.js")));
        assertThat(forms).hasSizeGreaterThan(10);
        TaskFormCatalogue ledger = new TaskFormCatalogue(List.of(new HazardTaskForms(), new CampaignTaskForms(),
                new WhistleblowerTaskForms()));
        forms.forEach((kind, fields) -> {
            RecordComponent[] components = ledger.formOf(TaskKind.valueOf(kind)).getRecordComponents();
            Set<String> taken = Arrays.stream(components).map(RecordComponent::getName).collect(Collectors.toCollection(TreeSet::new));
            Set<String> required = Arrays.stream(components).filter(UiVocabularyTest::required).map(RecordComponent::getName)
                    .collect(Collectors.toCollection(TreeSet::new));
            assertThat(taken).as("the fields the ledger takes for " + kind).containsAll(fields);
            assertThat(fields).as("the form of " + kind + " has every required field").containsAll(required);
        });
    }

    private static boolean required(RecordComponent component) {
        return component.isAnnotationPresent(NotNull.class) || component.isAnnotationPresent(NotBlank.class)
                || component.isAnnotationPresent(NotEmpty.class);
    }

    private static <E extends Enum<E>> Map<String, String> labels(E[] values, Function<E, String> label) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (E value : values) {
            labels.put(value.name(), label.apply(value));
        }
        return labels;
    }

    /** {@code export const NAME = { CODE: 'label', … }} */
    private static Map<String, Map<String, String>> dictionaries(String js) {
        Map<String, Map<String, String>> result = new LinkedHashMap<>();
        Matcher constant = Pattern.compile("export const (\\w+) = \\{([^}]*)}").matcher(js);
        while (constant.find()) {
            Map<String, String> entries = new LinkedHashMap<>();
            Matcher entry = Pattern.compile("(\\w+): '([^']*)'").matcher(constant.group(2));
            while (entry.find()) {
                entries.put(entry.group(1), entry.group(2));
            }
            result.put(constant.group(1), entries);
        }
        return result;
    }

    /** The field names of each kind in {@code TASK_FORMS}: helper calls ({@code text('name', …)}) and {@code name: '…'}. */
    private static Map<String, Set<String>> taskForms(String js) {
        String table = js.substring(js.indexOf("export const TASK_FORMS = {"), js.indexOf("\n}\n", js.indexOf("export const TASK_FORMS")));
        Map<String, Set<String>> forms = new LinkedHashMap<>();
        Matcher kind = Pattern.compile("(?m)^  (\\w+): \\[(.*?)\\],?$", Pattern.DOTALL).matcher(table);
        while (kind.find()) {
            Set<String> fields = new TreeSet<>();
            Matcher field = Pattern.compile("(?:text|area|date|money|yesNo)\\('(\\w+)'|name: '(\\w+)'").matcher(kind.group(2));
            while (field.find()) {
                fields.add(field.group(1) != null ? field.group(1) : field.group(2));
            }
            if (kind.group(2).contains("signature(")) {
                fields.add("signedBy");
            }
            forms.put(kind.group(1), fields);
        }
        return forms;
    }
}
