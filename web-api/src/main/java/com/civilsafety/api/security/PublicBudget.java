package com.civilsafety.api.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An endpoint anyone may call without signing in draws on its caller's budget of that kind ({@link PublicRateLimits}):
 * the budget belongs to the handler the request reaches, however its path was spelled.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface PublicBudget {
    Kind value();

    enum Kind {
        /** a report is stored */
        SUBMISSION,
        /** a photo is added to a report (up to five each): a budget of its own, so that a report's photos all get in */
        PHOTO,
        /** something is looked up: a report's status, the institutions to choose from */
        LOOKUP
    }
}
