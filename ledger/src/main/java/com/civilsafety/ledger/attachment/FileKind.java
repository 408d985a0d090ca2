package com.civilsafety.ledger.attachment;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of evidence file accepted, recognised by their first bytes (never by the name or the client's claim). */
enum FileKind {
    JPEG("image/jpeg", ".jpg", new int[] {0xFF, 0xD8, 0xFF}),
    PNG("image/png", ".png", new int[] {0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}),
    PDF("application/pdf", ".pdf", new int[] {'%', 'P', 'D', 'F', '-'});

    private final String contentType;
    private final String extension;
    private final int[] magic;

    FileKind(String contentType, String extension, int[] magic) {
        this.contentType = contentType;
        this.extension = extension;
        this.magic = magic;
    }

    String contentType() {
        return contentType;
    }

    String extension() {
        return extension;
    }

    static Optional<FileKind> sniff(byte[] head) {
        return Arrays.stream(values()).filter(k -> k.matches(head)).findFirst();
    }

    private boolean matches(byte[] head) {
        if (head.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((head[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
