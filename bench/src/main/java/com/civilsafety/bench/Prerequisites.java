package com.civilsafety.bench;

import java.io.IOException;

/**
 * What a benchmark needs, checked before it starts measuring: a missing tool found after ten minutes of load loses
 * the figures already measured.
 */
final class Prerequisites {
    private Prerequisites() {
    }

    static void require(boolean present, String what) {
        if (!present) {
            throw new IllegalStateException("this benchmark needs " + what + "; nothing was measured");
        }
    }

    /** A command on the PATH, e.g. wrk. */
    static void command(String name, String install) {
        boolean found;
        try {
            found = new ProcessBuilder("sh", "-c", "command -v " + name).start().waitFor() == 0;
        } catch (IOException e) {
            found = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            found = false;
        }
        require(found, name + " (" + install + ")");
    }
}
