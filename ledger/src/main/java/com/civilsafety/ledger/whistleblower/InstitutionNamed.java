package com.civilsafety.ledger.whistleblower;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Optional;

/**
 * A report names its institution: one of the register, or — not found there — its name, township and address. What
 * is missing is named at its own field, together with the form's other problems.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = InstitutionNamed.Check.class)
@interface InstitutionNamed {
    String message() default "请选择被举报的机构";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** A field of the form and what it lacks. */
    record Missing(String field, String message) {
    }

    class Check implements ConstraintValidator<InstitutionNamed, WhistleblowerSubmission> {
        @Override
        public boolean isValid(WhistleblowerSubmission submission, ConstraintValidatorContext context) {
            Optional<Missing> missing = missing(submission);
            missing.ifPresent(m -> {
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate(m.message()).addPropertyNode(m.field()).addConstraintViolation();
            });
            return missing.isEmpty();
        }

        /** What the submission lacks to name its institution, the first thing only. */
        static Optional<Missing> missing(WhistleblowerSubmission s) {
            if (s.institutionId() != null) {
                return Optional.empty();
            }
            boolean described = !blank(s.institutionName()) || s.townshipId() != null || !blank(s.address());
            if (!described) {
                return Optional.of(new Missing("institutionId", "请选择被举报的机构；名单中找不到时，请点“找不到机构”后填写机构名称"));
            }
            if (blank(s.institutionName())) {
                return Optional.of(new Missing("institutionName", "请填写机构名称"));
            }
            if (s.townshipId() == null) {
                return Optional.of(new Missing("townshipId", "请选择机构所在的乡镇（街道）"));
            }
            if (blank(s.address())) {
                return Optional.of(new Missing("address", "请填写机构地址（大致位置也可），以便核查人员找到它"));
            }
            return Optional.empty();
        }

        private static boolean blank(String text) {
            return text == null || text.isBlank();
        }
    }
}
