package com.civilsafety.api.common;

import java.util.List;
import java.util.function.Function;
import org.springframework.data.domain.Page;

/** One page of a list, as every list endpoint returns it. */
public record PageOf<T>(List<T> items, int page, int size, long total) {

    public static <E, T> PageOf<T> of(Page<E> page, Function<E, T> map) {
        return new PageOf<>(page.map(map).getContent(), page.getNumber(), page.getSize(), page.getTotalElements());
    }
}
