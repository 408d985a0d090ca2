package com.civilsafety.api.error;

/** One bad input field and what is wrong with it. */
public record FieldError(String field, String message) {
}
