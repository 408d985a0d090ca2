package com.civilsafety.ledger.common;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.constraints.NotBlank;
import org.hibernate.validator.HibernateValidatorConfiguration;
import org.hibernate.validator.cfg.ConstraintMapping;
import org.springframework.boot.autoconfigure.validation.ValidationConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code @NotBlank} as people type in Chinese: Hibernate Validator's own check trims only ASCII spaces and control
 * characters, so a field of full-width spaces (U+3000, what a Chinese input method types) passed, and the text was
 * stored empty. Here blank is {@link String#isBlank()}: any Unicode whitespace.
 */
@Configuration(proxyBeanMethods = false)
public class BlankText {

    @Bean
    ValidationConfigurationCustomizer unicodeNotBlank() {
        return configuration -> {
            if (configuration instanceof HibernateValidatorConfiguration hibernate) {
                ConstraintMapping mapping = hibernate.createConstraintMapping();
                mapping.constraintDefinition(NotBlank.class).includeExistingValidators(false).validatedBy(NotBlankText.class);
                hibernate.addMapping(mapping);
            }
        };
    }

    /** Valid when the text has something other than whitespace (null is left to {@code @NotNull}'s meaning: invalid). */
    public static class NotBlankText implements ConstraintValidator<NotBlank, CharSequence> {
        @Override
        public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
            return value != null && !value.toString().isBlank();
        }
    }
}
