package com.civilsafety.api.common;

import com.civilsafety.ledger.common.InvalidInputException;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;

/** Page and size as list endpoints accept them: pages from 0 to 10,000, 1 to 200 rows. */
public final class Paging {
    public static final int MAX_SIZE = 200;
    /** far beyond any county's ledger, and keeps the row offset a database takes well within its range */
    public static final int MAX_PAGE = 10_000;

    public static Pageable of(int page, int size) {
        if (page < 0) {
            throw new InvalidInputException("page", "页码不能为负数");
        }
        if (page > MAX_PAGE) {
            throw new InvalidInputException("page", "页码不能超过 " + MAX_PAGE);
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new InvalidInputException("size", "每页条数须在 1 到 " + MAX_SIZE + " 之间");
        }
        return PageRequest.of(page, size);
    }

    private Paging() {
    }
}
