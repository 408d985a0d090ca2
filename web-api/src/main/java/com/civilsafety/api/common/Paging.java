package com.civilsafety.api.common;

import com.civilsafety.ledger.common.InvalidInputException;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;

/** Page and size as list endpoints accept them: pages from 0, 1 to 200 rows. */
public final class Paging {
    public static final int MAX_SIZE = 200;

    public static Pageable of(int page, int size) {
        if (page < 0) {
            throw new InvalidInputException("page", "页码不能为负数");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new InvalidInputException("size", "每页条数须在 1 到 " + MAX_SIZE + " 之间");
        }
        return PageRequest.of(page, size);
    }

    private Paging() {
    }
}
