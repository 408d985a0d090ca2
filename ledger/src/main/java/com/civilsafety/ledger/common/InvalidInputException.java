package com.civilsafety.ledger.common;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Input fields break business rules that bean validation cannot express: each field with its message, in order. */
public class InvalidInputException extends LedgerException {
    private final Map<String, String> fields;

    public InvalidInputException(String field, String message) {
        this(Map.of(field, message));
    }

    /** several fields at once, so a form can mark them all (at least one) */
    public InvalidInputException(Map<String, String> fields) {
        super(fields.values().iterator().next());
        this.fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    public String field() {
        return fields.keySet().iterator().next();
    }

    public Map<String, String> fields() {
        return fields;
    }
}
