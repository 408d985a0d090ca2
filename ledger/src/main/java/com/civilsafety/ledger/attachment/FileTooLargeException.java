package com.civilsafety.ledger.attachment;

import org.springframework.util.unit.DataSize;

/** An upload over the size limit (HTTP 413). */
public class FileTooLargeException extends RuntimeException {
    public FileTooLargeException(long limitBytes) {
        super("文件超过 " + DataSize.ofBytes(limitBytes).toMegabytes() + "MB 的上限");
    }
}
