package com.civilsafety.engine.step;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The process variables a job worker answers with (its side of the variable contract). The model check reads it to
 * know which steps update a timer's date: a loop back to a timer whose date no step on the way updates would fire
 * again at once, for ever. Checked against what the workers really answered by the process-level tests.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface WritesVariables {
    String[] value() default {};

    /**
     * Of those, the dates the step reads again from the ledger rather than moves on: the same unless the ledger's date
     * was changed meanwhile. A timer on a loop through such a step would fire again at once, so the model check does
     * not count it as moving the date (the others, e.g. a reminder step answering the next reminder, do).
     */
    String[] rereads() default {};
}
